import BroadsheetAPI
import BroadsheetCorpus
import BroadsheetHTTP
import Foundation
import Logging
import Testing

/// The explorer's page and files: where they are served, with which caching and security headers.
@Suite struct ExplorerTests {
    static let files: [String: [UInt8]] = [
        "index.html": Array(#"<!doctype html><script type="module" src="/ui/app.js?v=__ASSET_VERSION__"></script>"#.utf8),
        "app.js": Array(#"import { x } from './api.js?v=__ASSET_VERSION__';"#.utf8),
        "api.js": Array("export const x = 1;".utf8),
        "notes.txt": Array("not served".utf8),
    ]

    static func app(explorer: ExplorerAssets?) -> BroadsheetApplication {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return BroadsheetApplication(service: CorpusService(), configuration: .init(logger: logger, explorer: explorer))
    }

    @Test func thePageIsRevalidatedAndItsFilesAreVersioned() async throws {
        let assets = ExplorerAssets(raw: Self.files)
        let app = Self.app(explorer: assets)
        let page = await ApplicationTests.get(app, "/")
        #expect(page.status.code == 200)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.headers["Cache-Control"] == "no-cache")
        #expect(page.headers["ETag"] != nil)
        let policy = try #require(page.headers["Content-Security-Policy"])
        #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'"))
        #expect(page.headers["X-Content-Type-Options"] == "nosniff")
        let html = String(decoding: page.body, as: UTF8.self)
        #expect(html.contains("/ui/app.js?v=\(assets.version)"))
        #expect(!html.contains("__ASSET_VERSION__"))

        let versioned = await ApplicationTests.get(app, "/ui/app.js?v=\(assets.version)")
        #expect(versioned.status.code == 200)
        #expect(versioned.headers["Content-Type"] == "text/javascript; charset=utf-8")
        #expect(versioned.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(String(decoding: versioned.body, as: UTF8.self).contains("./api.js?v=\(assets.version)"))
        let stale = await ApplicationTests.get(app, "/ui/app.js?v=0000")
        #expect(stale.headers["Cache-Control"] == "no-cache")
    }

    @Test func aChangedFileChangesTheVersion() {
        var changed = Self.files
        changed["api.js"] = Array("export const x = 2;".utf8)
        #expect(ExplorerAssets(raw: changed).version != ExplorerAssets(raw: Self.files).version)
        #expect(ExplorerAssets(raw: Self.files).version.count == 16)
    }

    @Test func unknownFilesAndOtherMethodsAreNotTheExplorers() async {
        let app = Self.app(explorer: ExplorerAssets(raw: Self.files))
        #expect(await ApplicationTests.get(app, "/ui/notes.txt").status.code == 404)
        #expect(await ApplicationTests.get(app, "/ui/../openapi.yaml").status.code == 404)
        #expect(await ApplicationTests.get(app, "/ui/missing.js").status.code == 404)
        let post = app.responder.respond(to: HTTPRequest(method: .post, target: "/", path: "/", query: [], headers: [:]))
        #expect(post.status.code != 200)
        // The API is untouched.
        #expect(await ApplicationTests.get(app, "/healthz").status.code == 200)
    }

    @Test func withoutTheExplorerTheRootIsNotFound() async {
        let app = Self.app(explorer: nil)
        #expect(await ApplicationTests.get(app, "/").status.code == 404)
        #expect(await ApplicationTests.get(app, "/ui/app.js").status.code == 404)
    }

    @Test func theBundledExplorerHasItsPageAndEntryModule() throws {
        let bundled = ExplorerAssets.bundled
        let page = String(decoding: try #require(bundled.files["index.html"]).body, as: UTF8.self)
        #expect(page.contains("/ui/app.js?v=\(bundled.version)"))
        #expect(bundled.files["app.js"] != nil && bundled.files["style.css"] != nil)
        // Every module is preloaded by the page: one round trip for all of them, not one per import level.
        for name in bundled.files.keys where name.hasSuffix(".js") && name != "app.js" {
            #expect(page.contains("<link rel=\"modulepreload\" href=\"/ui/\(name)?v=\(bundled.version)\">"), "\(name) is preloaded")
        }
        // No inline script or handler: the policy forbids them, so the page must not need them.
        #expect(!page.contains("<script>") && !page.contains("onclick=") && !page.contains("onload="))
    }
}
