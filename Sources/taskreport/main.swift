import ArgumentParser
import Ingest
import Report

// Exit codes: 0 success, 2 bad input or usage, 1 anything else.
// Every failure is one line on standard error.
do {
    var command = try TaskReport.parseAsRoot()
    try command.run()
} catch let error as IngestError {
    ExitReport.fail(error.description, code: 2)
} catch let error as ReportError {
    ExitReport.fail(error.description, code: error.isBadInput ? 2 : 1)
} catch let error as CommandFailure {
    ExitReport.fail(error.message, code: 1)
} catch {
    ExitReport.argumentParser(error)
}
