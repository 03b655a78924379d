import Foundation
import Synchronization

/// The staging folders this process is writing, so that a signal can remove them.
///
/// ``ReportFolder`` registers its staging folder while it writes and marks
/// the commit, the few renames that put the report in place. A signal
/// handler calls ``abandon()``: every staging folder not being committed is
/// removed at once; one being committed is left to finish (or roll back),
/// which takes milliseconds, and removed after. Process-wide by nature: a
/// signal stops the whole process.
public enum StagingCleanup {
    private struct State {
        var folders: Set<String> = []
        var committing: Set<String> = []
        var stopping = false
    }

    private static let state = Mutex(State())

    /// Removes every staging folder of this process, waiting for a commit under
    /// way to finish first. Afterwards no folder can be registered: the process is stopping.
    public static func abandon() {
        while true {
            let (idle, busy) = state.withLock { state -> ([String], Bool) in
                state.stopping = true
                let idle = state.folders.subtracting(state.committing)
                state.folders.subtract(idle)
                return (Array(idle), !state.committing.isEmpty)
            }
            for folder in idle { removeTree(folder) }
            guard busy else { return }
            usleep(2_000)
        }
    }

    /// Registers a staging folder being written.
    /// - Returns: false when the process is stopping: write nothing.
    static func register(_ folder: String) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.folders.insert(folder)
            return true
        }
    }

    /// Marks the start of `folder`'s commit; false when the process is stopping (do not start it).
    static func beginCommit(_ folder: String) -> Bool {
        state.withLock { state in
            guard !state.stopping, state.folders.contains(folder) else { return false }
            state.committing.insert(folder)
            return true
        }
    }

    /// Marks the end of `folder`'s commit (done or rolled back).
    static func endCommit(_ folder: String) {
        state.withLock { _ = $0.committing.remove(folder) }
    }

    /// Forgets `folder` (removed by its writer).
    static func unregister(_ folder: String) {
        state.withLock { _ = $0.folders.remove(folder) }
    }

    /// Removes a folder and everything in it, retrying while files appear in it (a writer may still be running).
    static func removeTree(_ path: String) {
        for _ in 0..<5 {
            if (try? FileManager.default.removeItem(atPath: path)) != nil || !FileManager.default.fileExists(atPath: path) {
                return
            }
        }
    }
}
