import ArgumentParser
import RivuletAgent

/// Loads the configuration for a subcommand, or lists every problem on standard error and exits with status 1.
enum AgentConfigurationLoading {
    static func load(_ path: String) throws -> AgentConfiguration {
        do {
            return try AgentConfigurationLoader.load(path: path)
        } catch {
            var standardError = StandardErrorStream()
            print("error: the agent configuration has \(error.problems.count) problem(s):", to: &standardError)
            for problem in error.problems {
                print("  \(problem)", to: &standardError)
            }
            throw ExitCode(1)
        }
    }
}
