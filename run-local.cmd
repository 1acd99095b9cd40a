@REM Builds poa-hub (tests skipped) and starts the embedded local stack: PostgreSQL, a Kafka broker and the
@REM hub, with data under .\var. Needs only a JDK 17+ (JAVA_HOME's if set, else java on the PATH). Ctrl-C stops
@REM everything. The Windows twin of ./run-local.
@echo off
setlocal
cd /d "%~dp0"
set "JAVA=java"
if not defined JAVA_HOME goto build
set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA%" goto build
echo JAVA_HOME="%JAVA_HOME%" has no bin\java.exe: point JAVA_HOME at a JDK 17+ or unset it. 1>&2
exit /b 1

:build
call mvnw.cmd -q -DskipTests package
if errorlevel 1 exit /b 1
"%JAVA%" -jar local-stack\target\poa-local.jar %*
