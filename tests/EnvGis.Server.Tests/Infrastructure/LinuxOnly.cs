// The tests run on Debian (users, file modes, PostgreSQL's binaries, Chromium): Unix-only APIs are fine here.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
