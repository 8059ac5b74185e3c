@echo off
rem Hexie command line, e.g.  hexie.cmd --help
"%~dp0python\python.exe" -m hexie_desktop %*
