from talkspkg.cli import main

main()
