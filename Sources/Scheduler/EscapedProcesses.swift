import Foundation

/// Processes a stopped task left running outside its process group.
///
/// A task's processes run in a process group of their own, which a timeout
/// or Ctrl-C stops. A process that calls `setsid` (a daemon) leaves that
/// group, and would survive. Every process of an attempt inherits the
/// attempt's id in its environment (``variable``), so after stopping the
/// group the scheduler looks through `/proc` for processes still carrying it,
/// stops them the same way, and records what it found. A process that also
/// clears its environment cannot be told from others, and is not seen.
enum EscapedProcesses {
    /// The variable that marks an attempt's processes.
    static let variable = "TASKREPORT_ATTEMPT_ID"

    /// A new attempt id, unique on this machine for this run.
    static func newAttemptID() -> String {
        "\(getpid())-\(UUID().uuidString)"
    }

    /// Stops every process whose environment holds `attemptID`: SIGTERM, then SIGKILL after `grace`.
    /// - Returns: A clause for the attempt's record ("and 1 process that left it (pid 4242)"),
    ///   or nil when there was none.
    static func stop(attemptID: String, grace: Duration) async -> String? {
        let marked = pids(carrying: attemptID)
        guard !marked.isEmpty else { return nil }
        for pid in marked { kill(pid, SIGTERM) }
        let deadline = ContinuousClock.now + grace
        while ContinuousClock.now < deadline, marked.contains(where: isRunning) {
            try? await Task.sleep(for: .milliseconds(20))
        }
        for pid in marked where isRunning(pid) { kill(pid, SIGKILL) }
        try? await Task.sleep(for: .milliseconds(50))
        let survivors = marked.filter(isRunning)
        let list = marked.prefix(5).map(String.init).joined(separator: ", ") + (marked.count > 5 ? ", …" : "")
        let noun = marked.count == 1 ? "process that had left it" : "processes that had left it"
        guard survivors.isEmpty else {
            return "and \(marked.count) \(noun) (pid \(list)), of which \(survivors.count) could not be stopped"
        }
        return "and \(marked.count) \(noun) (pid \(list))"
    }

    /// The processes whose environment holds `TASKREPORT_ATTEMPT_ID=attemptID`, this one excluded.
    static func pids(carrying attemptID: String) -> [pid_t] {
        let needle = Array("\(variable)=\(attemptID)".utf8) + [0]
        let own = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard pid != own, let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { return false }
            return [UInt8](environment).starts(with: needle) || Data(environment).range(of: Data([0] + needle)) != nil
        }
    }

    /// Whether `pid` is running: it exists and is not a zombie waiting to be reaped.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return false }
        return !stat[stat.index(after: close)...].hasPrefix(" Z")
    }
}
