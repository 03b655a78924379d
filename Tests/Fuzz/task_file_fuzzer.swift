// task_file_fuzzer.swift -- libFuzzer target for the task-file parser.
//
// `make fuzz` compiles this file with the parser's sources (Scheduler's task
// file files and TaskModel, as one module) under `-sanitize=fuzzer,address`.
// libFuzzer calls `LLVMFuzzerTestOneInput` with generated task files. A
// crash, a trap or a memory error is a finding; a rejected file is not
// (rejecting is the parser's job). The built fuzzer also replays files given
// as arguments, to rerun a finding.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTaskFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    _ = try? TaskFile(path: "fuzz.json", contents: Data(bytes: data, count: size))
    return 0
}
