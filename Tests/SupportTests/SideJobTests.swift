import Dispatch
import Foundation
import Testing

@testable import Support

/// Side jobs run on threads of their own, so that a caller waiting for one never waits for the global
/// dispatch queue to have a thread to spare (on one CPU, libdispatch added one a second later).
@Suite("work on a thread of its own")
struct SideJobTests {
    @Test("the work runs at once on a thread of its own, beside the caller, and its value is kept")
    func ownThread() {
        let callerGoesOn = DispatchSemaphore(value: 0)
        // The work waits for the caller: were it run on the caller's thread, or queued behind it, it
        // would time out (generously) and say so.
        let caller = pthread_self()
        let job = SideJob { () -> (ownThread: Bool, metCaller: Bool) in
            (pthread_equal(pthread_self(), caller) == 0, callerGoesOn.wait(timeout: .now() + 30) == .success)
        }
        callerGoesOn.signal()
        #expect(job.value.ownThread && job.value.metCaller)
        #expect(job.value.metCaller, "the value is there for a second reader too")
    }
}
