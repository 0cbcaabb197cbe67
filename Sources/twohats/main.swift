import TwoHatsCommands

TwoHatsCommand.main()
