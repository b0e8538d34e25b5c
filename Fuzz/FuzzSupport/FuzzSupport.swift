// What the libFuzzer targets share: libFuzzer's driver (SwiftPM links an executable target with an
// entry point of its own, so each target's entry point starts the driver), and the replay tool a
// plain build makes of each target.
import Foundation

/// One input of a fuzz target.
public typealias FuzzInput = @convention(c) (UnsafeRawPointer, Int) -> CInt

#if FUZZING
// libFuzzer's runtime is linked only into the fuzz build (`-sanitize=fuzzer`, `-D FUZZING`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: FuzzInput
) -> CInt

/// Runs libFuzzer on `input` with the command line's options (call it from the target's entry point).
public func runFuzzer(argc: CInt, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ input: FuzzInput) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzerDriver(&count, &arguments, input)
}
#endif

/// Runs `body` on each file named on the command line (a crash found by the fuzzer, again).
public func replayFiles(_ body: (UnsafeRawBufferPointer) -> Void) throws {
    for path in CommandLine.arguments.dropFirst() {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        data.withUnsafeBytes { body($0) }
    }
}
