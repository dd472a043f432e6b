// Package e2e holds the browser tests of the static site: headless Debian
// Chromium driven by chromedp against the built dist folder. The tests are
// behind the e2e build tag (`make test-e2e`), because they need a browser
// and a built site.
package e2e
