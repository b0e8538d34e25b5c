// Release-build benchmarks; scripts in Benchmarks/ run them. Usage: broadsheet-bench <entities|search|load|ndjson> [options]
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "entities": EntityBenchmark.run(Array(arguments.dropFirst()))
case "search": SearchBenchmark.run(Array(arguments.dropFirst()))
case "load": LoadBenchmark.run(Array(arguments.dropFirst()))
case "ndjson": ArticleFeed.run(Array(arguments.dropFirst()))
default: print("usage: broadsheet-bench <entities|search|load|ndjson> [options]")
}
