from lawdiff.cli import main

main(prog_name="lawdiff")
