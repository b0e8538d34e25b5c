"""Browser tests of the explorer: a real headless Chromium (through chromedriver and Selenium)
against a real server over Tests/Browser/corpus.

Run by scripts/browser-tests.sh, which starts the server and sets BROADSHEET_URL. Screenshots of
the main views go to $BROWSER_SCREENSHOTS (default Tests/Browser/out, not committed).
"""

import json
import os
import time
import unittest
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("BROADSHEET_URL", "http://127.0.0.1:8080")
SHOTS = os.environ.get("BROWSER_SCREENSHOTS", os.path.join(os.path.dirname(__file__), "out"))
BUDGET_BYTES = 100 * 1024


def api(path):
    with urllib.request.urlopen(BASE + path, timeout=10) as response:
        return json.load(response)


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(service=service, options=options)


class ExplorerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver()
        cls.wait = WebDriverWait(cls.driver, 15)
        os.makedirs(SHOTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def setUp(self):
        self.driver.get_log("browser")  # drop what earlier tests logged

    def tearDown(self):
        # No request failed, no script error, no CSP violation, no alert.
        with self.subTest("clean console"):
            self.assertNoAlert()
            errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"]
            self.assertEqual(errors, [], "console errors")

    def assertNoAlert(self):
        try:
            alert = self.driver.switch_to.alert
        except NoAlertPresentException:
            return
        text = alert.text
        alert.dismiss()
        self.fail(f"an alert ran: {text}")

    def open(self, query=""):
        self.driver.get(BASE + "/" + query)

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(SHOTS, name + ".png"))

    def titles(self):
        return [e.text for e in self.driver.find_elements(By.CSS_SELECTOR, "#results .hit a.hit-title")]

    def test_search_then_article_entities_match_their_names(self):
        for query, title in (("ferry", "Harbour Board Approves Night Ferry to Kellan Island"),
                             ("café", "Zoë Ramírez Opens a Café 🎉 in Łódź")):
            self.open()
            box = self.wait.until(EC.element_to_be_clickable((By.ID, "q")))
            box.send_keys(query)
            self.wait.until(lambda d: title in self.titles())
            marks = self.driver.find_elements(By.CSS_SELECTOR, "#results .hit mark")
            self.assertTrue(marks, "the passages show their marks")
            if query == "ferry":
                self.shot("search")
            link = next(e for e in self.driver.find_elements(By.CSS_SELECTOR, "#results .hit a.hit-title") if e.text == title)
            link.click()
            self.wait.until(EC.text_to_be_present_in_element((By.ID, "article-title"), title))
            spans = self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#article .entity[data-entity-id]"))
            self.assertGreater(len(spans), 2)
            for span in spans:
                entity = api("/v1/entities/" + urllib.parse.quote(span.get_attribute("data-entity-id"), safe=""))
                forms = {entity["name"], *entity.get("aliases", [])}
                mentions = {m["text"] for m in entity.get("mentions", [])}
                self.assertIn(span.text, forms | mentions, f"span {span.text!r} is a form of {entity['name']!r}")
            if query == "café":
                # Offsets after emoji and accents still land on the names.
                texts = {span.text for span in spans}
                self.assertIn("Zoë Ramírez", texts)
                self.assertIn("Łódź", texts)
                self.shot("article")

    def test_entity_quotes_and_timeline_reload_to_the_same_view(self):
        self.open("?view=article&id=" + urllib.parse.quote(self.document_id("Harbour Board")))
        span = self.wait.until(EC.element_to_be_clickable((By.CSS_SELECTOR, "#article .entity[data-entity-id='mira-osei']")))
        span.click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "entity-name"), "Mira Osei"))
        self.shot("entity")
        self.driver.refresh()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "entity-name"), "Mira Osei"))

        self.driver.find_element(By.ID, "nav-quotes").click()
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#quotes-list > *"))
        url = self.driver.current_url
        self.driver.refresh()
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#quotes-list > *"))
        self.assertEqual(self.driver.current_url, url)
        self.assertIn("finally connect the island", self.driver.find_element(By.ID, "quotes-list").text)

        self.driver.find_element(By.ID, "nav-timeline").click()
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline-list > *"))
        self.shot("timeline")
        self.driver.refresh()
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#timeline-list > *"))
        self.driver.back()
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#quotes-list > *"))

    def test_typing_faster_than_answers_shows_the_last_query_only(self):
        self.open()
        box = self.wait.until(EC.element_to_be_clickable((By.ID, "q")))
        for word in ("frost", "island", "café", "library"):
            for ch in word:
                box.send_keys(ch)
            for _ in word:
                box.send_keys(Keys.BACKSPACE)
        box.send_keys("orchards")
        expected = [hit["title"] for hit in api("/v1/search?q=orchards")["data"]]
        self.assertTrue(expected)
        self.wait.until(lambda d: self.titles() == expected)
        time.sleep(1.0)  # late answers to earlier queries must not replace it
        self.assertEqual(self.titles(), expected)

    def test_article_markup_stays_text_and_runs_nothing(self):
        self.open("?view=article&id=" + urllib.parse.quote(self.document_id("Library Teaches")))
        body = self.wait.until(EC.presence_of_element_located((By.ID, "article")))
        self.wait.until(lambda d: "<script>" in body.text)
        self.assertIn('<img src=x onerror="window.pwned = 2; alert(\'img\')">', body.text)
        self.assertEqual(self.driver.find_elements(By.CSS_SELECTOR, "#article script, #article img"), [])
        time.sleep(0.5)
        self.assertNoAlert()
        self.assertIsNone(self.driver.execute_script("return window.pwned === undefined ? null : window.pwned"))

    def test_the_marks_function_accepts_only_marks(self):
        """marks.js, the one function that turns server markup into DOM, run in the page on nasty input."""
        self.open("?view=corpus")
        self.wait.until(EC.presence_of_element_located((By.ID, "corpus-counts")))
        src = self.driver.execute_script(
            "return [...document.querySelectorAll('script[type=module]')].map(s => s.src)[0]")
        version = urllib.parse.parse_qs(urllib.parse.urlparse(src).query)["v"][0]
        cases = {
            "a <mark>ferry</mark> &amp; <mark>crew</mark>": ("a ferry & crew", ["ferry", "crew"]),
            "&lt;script&gt;alert(1)&lt;/script&gt; <mark>x</mark>": ("<script>alert(1)</script> x", ["x"]),
            "<b>bold</b> <img src=x onerror=alert(1)>": ("<b>bold</b> <img src=x onerror=alert(1)>", []),
            "<mark><mark>nested</mark></mark> &nbsp; &#60;": ("<mark>nested</mark> &nbsp; &#60;", ["<mark>nested"]),
            "stray</mark> <mark>open": ("stray</mark> open", ["open"]),
        }
        for snippet, (text, marks) in cases.items():
            result = self.driver.execute_async_script(
                """const [version, snippet, done] = arguments;
                import('/ui/marks.js?v=' + version).then(m => {
                  const holder = document.createElement('div');
                  holder.append(m.markedFragment(snippet));
                  done({text: holder.textContent, marks: [...holder.querySelectorAll('mark')].map(e => e.textContent),
                        elements: [...holder.querySelectorAll('*')].map(e => e.tagName)});
                });""", version, snippet)
            self.assertEqual(result["text"], text, snippet)
            self.assertEqual(result["marks"], marks, snippet)
            self.assertTrue(all(tag == "MARK" for tag in result["elements"]), snippet)
        self.assertNoAlert()

    def test_first_load_fits_the_transfer_budget(self):
        self.open("?view=search&q=ferry")
        self.wait.until(lambda d: self.titles())
        entries = self.driver.execute_script(
            "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
            ".map(e => ({name: e.name, size: e.transferSize, body: e.encodedBodySize}))")
        total = sum(max(e["size"], e["body"]) for e in entries)
        self.assertLessEqual(total, BUDGET_BYTES, json.dumps(entries, indent=1))
        self.shot("corpus-search")

    def facet_values(self):
        # One script call: the panel may be repainted between finding an element and reading it.
        return self.driver.execute_script(
            "return [...document.querySelectorAll('#facets .facet-value')].map(e => e.dataset.value)")

    def test_search_shows_facets_and_a_histogram_of_the_latest_query(self):
        self.open()
        self.driver.execute_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
        box = self.wait.until(EC.element_to_be_clickable((By.ID, "q")))
        box.send_keys("ferry")
        self.wait.until(lambda d: "Harbour Board Approves Night Ferry to Kellan Island" in self.titles())
        values = self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#facets .facet-value a[href]"))
        self.assertTrue(values)
        expected = {v["value"] for facet in ("person", "organization", "location")
                    for v in api(f"/v1/trends?q=ferry&facet={facet}&limit=8")["data"]}
        self.wait.until(lambda d: set(self.facet_values()) == expected)
        self.assertIn("mira-osei", expected)
        person = self.driver.find_element(By.CSS_SELECTOR, "#facets .facet-value[data-value='mira-osei']")
        self.assertIn("Mira Osei", person.text)
        self.assertIn("view=entity", person.find_element(By.CSS_SELECTOR, "a.ent-link").get_attribute("href"))

        bars = self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#histogram .bar"))
        series = api("/v1/timeseries?q=ferry&interval=month")["data"]
        self.assertEqual(len(bars), len(series))
        self.assertEqual(bars[0].get_attribute("title"), "March 2026: 1 article")
        self.assertIn("March 2026: 1 article", bars[0].get_attribute("textContent"))
        # The bar height set through element.style (CSSOM) applies under the strict CSP.
        self.assertEqual(self.driver.execute_script(
            "return getComputedStyle(arguments[0]).getPropertyValue('--h').trim()", bars[0]), "1")
        fill = bars[0].find_element(By.CSS_SELECTOR, ".fill")
        self.assertGreater(fill.size["height"], 30)
        self.shot("search-facets")

        # A newer query replaces them; only its counts are shown.
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys("frost")
        expected = {v["value"] for facet in ("person", "organization", "location")
                    for v in api(f"/v1/trends?q=frost&facet={facet}&limit=8")["data"]}
        self.wait.until(lambda d: set(self.facet_values()) == expected)
        time.sleep(0.5)
        self.assertEqual(set(self.facet_values()), expected)
        self.assertNotIn("mira-osei", expected)

        # "+" narrows the search to the entity (and leaves it out of the facets).
        refine = self.driver.find_element(By.CSS_SELECTOR, "#facets .facet-value[data-value='tomas-brandt'] a.facet-refine")
        refine.click()
        self.wait.until(lambda d: d.find_element(By.ID, "q").get_attribute("value") == "frost entity:tomas-brandt")
        self.wait.until(lambda d: self.titles() == ["Late Frost Spares Valley Orchards"])
        self.wait.until(lambda d: self.facet_values() and "tomas-brandt" not in self.facet_values())

        # Narrow screens: the panel sits above the results.
        self.driver.set_window_size(390, 900)
        try:
            side = self.driver.find_element(By.ID, "search-side")
            first_hit = self.driver.find_element(By.CSS_SELECTOR, "#results .hit")
            self.assertLess(side.location["y"], first_hit.location["y"])
            self.shot("search-facets-narrow")
        finally:
            self.driver.set_window_size(1200, 1000)

        # An empty box lists the latest articles, without the panel.
        box = self.driver.find_element(By.ID, "q")
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.BACKSPACE)
        self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#latest .doc"))
        self.wait.until(lambda d: not d.find_element(By.ID, "search-side").is_displayed())
        self.assertEqual(self.driver.execute_script("return window.__csp"), [])

    def test_article_lists_related_articles(self):
        self.open("?view=article&id=" + urllib.parse.quote(self.document_id("Harbour Board")))
        links = self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#related-articles li a"))
        self.assertTrue(links)
        item = self.driver.find_element(By.CSS_SELECTOR, "#related-articles li")
        self.assertIn("Late Frost Spares Valley Orchards", item.text)
        self.assertIn("Tomas Brandt", item.find_element(By.CSS_SELECTOR, ".related-reason").text)
        self.assertIn("20 Feb 2026", item.text)
        self.shot("article-related")
        item.find_element(By.CSS_SELECTOR, "a").click()
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "article-title"), "Late Frost Spares Valley Orchards"))
        self.wait.until(lambda d: "Harbour Board" in d.find_element(By.ID, "related-articles").text)

    def test_entity_page_shows_coverage_over_time(self):
        self.open("?view=entity&id=tomas-brandt")
        self.wait.until(EC.text_to_be_present_in_element((By.ID, "entity-name"), "Tomas Brandt"))
        bars = self.wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#entity-coverage .bar"))
        series = api("/v1/timeseries?entity=tomas-brandt&interval=month")["data"]
        self.assertEqual(len(bars), len(series))
        self.assertEqual([b.get_attribute("title") for b in bars],
                         ["February 2026: 1 article, 1 mention", "March 2026: 1 article, 1 mention"])
        self.assertTrue(all(b.find_element(By.CSS_SELECTOR, ".fill").size["height"] > 30 for b in bars))
        self.shot("entity-coverage")

    def test_corpus_view_counts(self):
        self.open("?view=corpus")
        counts = self.wait.until(EC.presence_of_element_located((By.ID, "corpus-counts")))
        self.wait.until(lambda d: str(api("/v1/corpus")["documents"]) in counts.text)

    @staticmethod
    def document_id(title_start):
        for document in api("/v1/documents?limit=100")["data"]:
            if document["title"].startswith(title_start):
                return document["id"]
        raise AssertionError(f"no document titled {title_start}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
