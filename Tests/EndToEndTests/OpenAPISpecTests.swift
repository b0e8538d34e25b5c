import BroadsheetWire
import BroadsheetAPI
import BroadsheetClient
import BroadsheetHTTP
import Foundation
import Testing
import Yams
import TestSupport

/// `openapi.yaml` and the served routes must describe the same API.
@Suite(.offCooperativePool) struct OpenAPISpecTests {
    /// path → method → operation, from the spec.
    static func operations() throws -> [String: [String: [String: Any]]] {
        let text = try String(contentsOfFile: TestPaths.openAPI, encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        let paths = try #require(spec["paths"] as? [String: [String: Any]])
        return paths.mapValues { item in item.compactMapValues { $0 as? [String: Any] } }
    }

    static func components() throws -> [String: Any] {
        let text = try String(contentsOfFile: TestPaths.openAPI, encoding: .utf8)
        let spec = try #require(try Yams.load(yaml: text) as? [String: Any])
        return try #require(spec["components"] as? [String: Any])
    }

    @Test func everyServedRouteIsInTheSpecAndTheReverse() throws {
        let spec = try Self.operations()
        var specOperations: Set<String> = []
        for (path, methods) in spec {
            for (method, operation) in methods where ["get", "post", "put", "patch", "delete"].contains(method) {
                specOperations.insert("\(method.uppercased()) \(path) \(operation["operationId"] as? String ?? "?")")
            }
        }
        let served = Set(Endpoint.allCases.map { "\($0.route.method.rawValue) \($0.route.pattern) \($0.rawValue)" })
        #expect(served.subtracting(specOperations).isEmpty, "served but not in openapi.yaml")
        #expect(specOperations.subtracting(served).isEmpty, "in openapi.yaml but not served")
    }

    @Test(arguments: Endpoint.allCases)
    func queryParametersMatch(endpoint: Endpoint) throws {
        let spec = try Self.operations()
        let operation = try #require(spec[endpoint.route.pattern]?[endpoint.route.method.rawValue.lowercased()])
        let parameters = try (operation["parameters"] as? [[String: Any]] ?? []).map(Self.resolve)
        let query = parameters.filter { $0["in"] as? String == "query" }
        if let accepted = endpoint.route.query {
            #expect(Set(query.compactMap { $0["name"] as? String }) == accepted)
        } else {
            // Any query is accepted: the spec says so with one free-form object parameter.
            let schema = try #require(query.first?["schema"] as? [String: Any])
            #expect(query.count == 1 && schema["type"] as? String == "object" && schema["additionalProperties"] as? Bool == true)
        }
        let path = Set(parameters.filter { $0["in"] as? String == "path" }.compactMap { $0["name"] as? String })
        let captures = Set(endpoint.route.pattern.split(separator: "/").filter { $0.hasPrefix("{") }.map {
            String($0.dropFirst().dropLast().split(separator: ":")[0])
        })
        #expect(path == captures)
    }

    @Test func servedSpecIsTheRepositoryFile() async throws {
        try await withRunningServer { client, _, _ in
            let response = try await client.send(.init(target: "/openapi.yaml"))
            #expect(response.status == 200)
            #expect(response.contentType?.hasPrefix("application/yaml") == true)
            #expect(response.body == Array(try Data(contentsOf: URL(fileURLWithPath: TestPaths.openAPI))))
        }
    }

    @Test func problemTypesInTheSpecCoverTheServer() throws {
        let schemas = try #require(try Self.components()["schemas"] as? [String: Any])
        let problem = try #require(schemas["Problem"] as? [String: Any])
        let properties = try #require(problem["properties"] as? [String: Any])
        let type = try #require(properties["type"] as? [String: Any])
        let listed = Set(try #require(type["enum"] as? [String]))
        let kinds: [ProblemDetails.Kind] = [
            .badRequest, .invalidParameter, .notFound, .methodNotAllowed, .notImplemented, .versionNotSupported,
            .uriTooLong, .headersTooLarge, .contentTooLarge, .requestTimeout, .expectationFailed, .lengthRequired,
            .notReady, .internalError, .unauthorized, .writesDisabled, .conflict, .unsupportedMediaType,
            .invalidArticle, .storeFailed, .entityMerged,
        ]
        for kind in kinds {
            #expect(listed.contains("urn:broadsheet:problem:\(kind.slug)"))
        }
    }

    /// Follows a local `$ref` to a component.
    static func resolve(_ item: [String: Any]) throws -> [String: Any] {
        guard let ref = item["$ref"] as? String else { return item }
        var node: Any = try components()
        for key in ref.dropFirst(2).split(separator: "/").dropFirst() {
            node = try #require((node as? [String: Any])?[String(key)])
        }
        return try #require(node as? [String: Any])
    }
}
