/// Search benchmark (to be written with the search issue).
enum SearchBenchmark {
    static func run(_ arguments: [String]) { print("search benchmark: not implemented yet") }
}
