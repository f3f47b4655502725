from careergap.cli import app

app(prog_name="careergap")
