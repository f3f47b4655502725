# Copied unchanged (below this header) from the project's shared benchmark baselines, bench/floor_app.py,
# so the start-up benchmark runs from a clone. bench_startup.py times it beside careergap.
"""Start-up floor of the mandated stack: the least a typer + pydantic + yaml + rich CLI does for `match`.

One typer command reads a YAML profile into a pydantic model, fuzzy-matches each name with rapidfuzz,
and prints a rich table. `careergap match` is measured against this, side by side.
Usage: python floor_app.py PROFILE
"""
from pathlib import Path

import typer

app = typer.Typer()


@app.command()
def match(profile: Path, top: int = 5) -> None:
    import yaml
    from pydantic import BaseModel, ConfigDict
    from rapidfuzz import process
    from rich.console import Console
    from rich.table import Table

    class Profile(BaseModel):
        model_config = ConfigDict(extra="allow")
        skills: dict[str, object]

    p = Profile.model_validate(yaml.safe_load(profile.read_text(encoding="utf-8")))
    names = list(p.skills)
    table = Table("skill", "closest")
    for name in names[:top]:
        best = process.extractOne(name, names)
        table.add_row(name, best[0] if best else "")
    Console().print(table)


if __name__ == "__main__":
    app()
