/// Entity extraction throughput benchmark (to be written with the entities issue).
enum EntityBenchmark {
    static func run(_ arguments: [String]) { print("entities benchmark: not implemented yet") }
}
