// Package browser holds the real-browser tests of Symbiose: each test starts
// the application on 127.0.0.1 over a populated database and drives a
// headless Chromium through the pages as a facilitator or a company member
// would. The package has no code of its own, only tests and their helpers.
package browser
