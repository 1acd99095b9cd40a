@echo off
rem Launcher of the regional agent on a Windows desktop: poa-agente.cmd <comando> [opciones]
if "%JAVA_OPTS%"=="" set JAVA_OPTS=-Xms8m -Xmx64m -Xmn8m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m
java %JAVA_OPTS% -jar "%~dp0regional-agent.jar" %*
