"""The question `init` answers: a commented starter profile, pre-filled from a CV."""

from __future__ import annotations

from pathlib import Path

from careergap.reading import initprofile


def starter_profile(
    path: Path, from_text: Path | None, force: bool
) -> list[initprofile.FoundSkill]:
    """Write a commented starter profile to ``path`` (never over a file unless ``force``),
    pre-filled with the skills a plain-text CV names; those skills, in order of first
    mention."""
    found: list[initprofile.FoundSkill] = []
    cv_name = None
    if from_text is not None:
        # Lazy: only --from-text needs the taxonomy and the extractor; a plain `init` stays light.
        from careergap.engine.texts import skill_finder

        text = initprofile.read_cv(from_text)
        find, names = skill_finder()
        found = initprofile.skills_in_text(text, find, names)
        cv_name = from_text.name
    initprofile.write_profile(path, initprofile.render_profile(found, cv_name), force=force)
    return found
