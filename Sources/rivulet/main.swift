import RivuletCLI

// Called from an async function so the compiler picks the asynchronous entry point of the command.
func runCommand() async {
    await RivuletCommand.main()
}

await runCommand()
