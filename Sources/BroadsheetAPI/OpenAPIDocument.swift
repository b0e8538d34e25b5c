import Foundation

/// The OpenAPI document (`openapi.yaml` at the repository root, bundled as a resource), served at `/openapi.yaml`.
public enum OpenAPIDocument {
    /// The spec's bytes; empty if the resource bundle is missing (the handler then answers 500).
    public static let bytes: [UInt8] = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let data = try? Data(contentsOf: url)
        else { return [] }
        return Array(data)
    }()
}
