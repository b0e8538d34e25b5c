@main
struct Broadsheet {
    static func main() {}
}
