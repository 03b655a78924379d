import Support
import TaskModel

/// Values of the records as the data files write them: numbers as the
/// shortest decimal that reads back the same, times as RFC 3339 UTC, and
/// empty text for a missing value. Each is written as bytes into a buffer,
/// with no `String` made for the common values (`tasks.csv` writes millions),
/// or as text.
enum ExportValue {
    /// Milliseconds as the shortest decimal that reads back the same; empty when missing.
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        append(number: value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``number(_:)``'s text. Whole numbers, and numbers of at most three decimals below 10⁹
    /// (milliseconds to the microsecond), are written digit by digit; others through Swift's own
    /// shortest form. A number of at most three decimals is its shortest form when it reads back the
    /// same: below 10⁹ two such numbers are never one `Double`, and trailing zeros are left out.
    static func append(number value: Double, to bytes: inout [UInt8]) {
        guard !value.isNaN else { return }
        if value == value.rounded(), abs(value) < 1e15 {
            append(digitsOf: Int64(value), to: &bytes)
            return
        }
        let thousandths = (value * 1000).rounded()
        guard abs(value) < 1e9, thousandths / 1000 == value else {
            bytes.append(contentsOf: String(value).utf8)
            return
        }
        let whole = Int64(thousandths)
        if whole < 0 { bytes.append(UInt8(ascii: "-")) }
        append(digitsOf: abs(whole) / 1000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        var fraction = abs(whole) % 1000, divisor: Int64 = 100
        while fraction > 0 {  // the fraction is not 0, since the number is not whole
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    static func integer(_ value: Int32) -> String {
        value == TaskTable.missingInteger ? "" : String(value)
    }

    /// Appends ``integer(_:)``'s text.
    static func append(integer value: Int32, to bytes: inout [UInt8]) {
        if value != TaskTable.missingInteger { append(digitsOf: Int64(value), to: &bytes) }
    }

    /// RFC 3339 UTC, with milliseconds when the time has a fraction of a second; empty when missing.
    static func time(_ seconds: Double) -> String {
        var bytes: [UInt8] = []
        var writer = RFC3339Writer()
        append(time: seconds, through: &writer, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``time(_:)``'s text through `writer`, which keeps the date of the day before.
    static func append(time seconds: Double, through writer: inout RFC3339Writer, to bytes: inout [UInt8]) {
        guard !seconds.isNaN else { return }
        writer.append(seconds, milliseconds: seconds != seconds.rounded(.down), to: &bytes)
    }

    /// Appends the decimal digits of `value`, with a minus sign when negative.
    static func append(digitsOf value: Int64, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of the largest
        withUnsafeMutableBytes(of: &scratch) { scratch in
            var at = scratch.count
            repeat {
                at -= 1
                scratch[at] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            // Rebased, so that the digits are copied as a block (a slice was copied byte by byte).
            bytes.append(contentsOf: UnsafeMutableRawBufferPointer(rebasing: scratch[at...]))
        }
    }
}
