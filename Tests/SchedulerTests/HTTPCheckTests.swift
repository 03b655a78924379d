import Foundation
import Testing
import TestSupport

@testable import Scheduler

@Suite("HTTP checks keep their promises against servers that misbehave")
struct HTTPCheckTests {
    @Test("a server that accepts and never answers: stopped at the timeout, recorded timeout")
    func hang() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let (_, recorder) = try await run(#"{"tasks":[{"id":"h","timeout":"1s","http":{"url":"\#(server.url("/hang"))"}}]}"#)
        #expect(recorder["h"].status == .timeout)
        #expect(recorder["h"].attempts[0].error == "no complete answer within 1s (connecting, headers and body)")
        // Measured by the server: the check let go of the connection at its deadline (URLSession's own
        // timeout, which a silent server defeats, is 60 s). The server's clock starts at accept, after the
        // check's: on a loaded machine it saw 0.89 s of a 1 s deadline, so the lower bound is loose.
        #expect(await waitUntil(seconds: 10) { !server.connectionLifetimes.isEmpty })
        let held = try #require(server.connectionLifetimes.first)
        #expect(held >= 0.5 && held < 5, "held \(held) s")
    }

    @Test("checks waiting on silent servers hold back no other: all of them wait on the server at once")
    func manySilentServers() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        // More blocked requests than the machine has cores: run on Dispatch's pool, the first ones had held
        // back the rest of the run, commands too, a second or so for each two.
        let checks = (0..<8).map { #"{"id":"h\#($0)","timeout":"3s","http":{"url":"\#(server.url("/hang"))"}}"# }
        let tasks = checks + [#"{"id":"quick","command":["true"]}"#]
        let (_, recorder) = try await run(#"{"tasks":["# + tasks.joined(separator: ",") + "]}", jobs: 12)
        #expect((0..<8).allSatisfy { recorder["h\($0)"].status == .timeout } && recorder["quick"].status == .completed)
        // Counted by the server: all eight requests were waiting on it at once, none held back until another
        // gave up its thread. (A count, not a time, which a loaded machine stretches; on Dispatch's pool
        // at most half of them were.)
        #expect(await waitUntil(seconds: 10) { server.connectionLifetimes.count == 8 })
        #expect(server.mostHangingAtOnce == 8)
    }

    @Test("a server that sends its headers, then a byte at a time: the timeout bounds the whole answer")
    func drip() async throws {
        let server = try LoopbackHTTPServer()
        defer { server.stop() }
        let (_, recorder) = try await run(#"{"tasks":[{"id":"d","timeout":"2s","http":{"url":"\#(server.url("/drip"))"}}]}"#)
        #expect(recorder["d"].status == .timeout, "not completed on a trickle")
        // Measured by the server: a byte every 0.3 s kept URLSession's per-packet timeout from ever firing.
        #expect(await waitUntil(seconds: 10) { !server.connectionLifetimes.isEmpty })
        let held = try #require(server.connectionLifetimes.first)
        #expect(held >= 1.5 && held < 6, "held \(held) s")  // loose below, as above
    }

    @Test("redirects to another origin are not followed unless allowed; loops stop after 5")
    func redirects() async throws {
        let here = try LoopbackHTTPServer(), there = try LoopbackHTTPServer()
        defer { here.stop(); there.stop() }
        let away = here.url("/redirect/" + there.url("/status/200").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        let (_, recorder) = try await run("""
            {"tasks":[{"id":"away","http":{"url":"\(away)"}},
                      {"id":"allowed","http":{"url":"\(away)","redirects":"any"}},
                      {"id":"home","http":{"url":"\(here.url("/redirect/%2Fstatus%2F200"))"}},
                      {"id":"loop","http":{"url":"\(here.url("/redirect/loop"))","redirects":"any"}}]}
            """)
        #expect(recorder["away"].status == .failed && recorder["away"].attempts[0].httpStatus == 302)
        #expect(recorder["away"].attempts[0].error?.contains("another origin, not followed") == true)
        #expect(recorder["away"].attempts[0].stdoutTail == "status 302\n", "the other host's answer is not stored")
        #expect(recorder["allowed"].status == .completed && recorder["allowed"].attempts[0].httpStatus == 200)
        #expect(recorder["home"].status == .completed, "same origin is followed")
        #expect(recorder["loop"].status == .failed && recorder["loop"].attempts[0].error?.contains("more than 5 redirects") == true)
    }

    @Test("credentials in the address go to its own origin, also after a redirect, and to no other")
    func credentialsStayHome() async throws {
        let here = try LoopbackHTTPServer(authorization: "Basic " + Data("u:p".utf8).base64EncodedString())
        let there = try LoopbackHTTPServer()
        defer { here.stop(); there.stop() }
        let withCredentials = here.url("").replacingOccurrences(of: "http://", with: "http://u:p@")
        let away = there.url("/no-authorization").addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let (_, recorder) = try await run("""
            {"tasks":[{"id":"home","http":{"url":"\(withCredentials)/redirect/%2Fauthorized"}},
                      {"id":"away","http":{"url":"\(withCredentials)/redirect/\(away)","redirects":"any"}}]}
            """)
        #expect(recorder["home"].status == .completed, "the same origin is sent the credentials after a redirect")
        #expect(recorder["away"].status == .completed && recorder["away"].attempts[0].httpStatus == 200,
                "another origin is not: \(recorder["away"].attempts[0].error ?? "")")
    }

    @Test("a header naming a variable that is not set fails the check, saying which")
    func unsetVariable() async throws {
        let server = try LoopbackHTTPServer(authorization: "Bearer x")
        defer { server.stop() }
        let check = HTTPCheck(url: server.url("/authorized"), headers: ["Authorization": "Bearer ${NOT_SET_ANYWHERE_42}"])
        let result = await HTTPChecker(environment: [:]).check(check, timeout: 5)
        #expect(result.outcome == .failed)
        #expect(result.error == "header Authorization needs ${NOT_SET_ANYWHERE_42}, which is not set in the environment")
        let filled = await HTTPChecker(environment: ["NOT_SET_ANYWHERE_42": "x"]).check(check, timeout: 5)
        #expect(filled.outcome == .completed)
    }

    @Test("the task file the store keeps has its secrets replaced: addresses, secret variables, written-out headers")
    func shareableTaskFile() throws {
        let file = try taskFile(#"""
            {"tasks":[{"id":"a","shell":"curl -s https://bob:hunter2@example.com/x?token=t0k&n=1","env":{"API_KEY":"k3y","MODE":"fast"}},
                      {"id":"b","http":{"url":"http://admin:pw@h/health","headers":{"Authorization":"Bearer literal","X-Auth":"${TOKEN}"}}}]}
            """#)
        let text = file.shareableText
        for secret in ["hunter2", "t0k", "k3y", "admin:pw", "literal"] { #expect(!text.contains(secret), "\(secret)") }
        for kept in ["https://REDACTED@example.com/x?token=REDACTED&n=1", "\"fast\"", "${TOKEN}", "http://REDACTED@h/health"] {
            #expect(text.contains(kept), "\(kept)")
        }
    }

    @Test("addresses are shown without user, password or secret query values", arguments: [
        ("http://admin:S3cretPassw0rd@host/health", "http://REDACTED@host/health"),
        ("https://user@host:8443/x?token=abc&page=2", "https://REDACTED@host:8443/x?token=REDACTED&page=2"),
        ("http://host/x?api_key=1&X-Amz-Signature=2&sort=a", "http://host/x?api_key=REDACTED&X-Amz-Signature=REDACTED&sort=a"),
        ("http://host/health", "http://host/health"),
        ("http://a:b@[::1 not a url", "http://REDACTED@[::1 not a url"),
    ])
    func redaction(url: String, shown: String) {
        #expect(CredentialRedaction.url(url) == shown)
    }
}
