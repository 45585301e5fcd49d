# Builds the Windows installer of Approvals Console with jpackage. Run ON WINDOWS (jpackage builds only for the OS
# it runs on); not tested in this project's CI, which is Linux.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#       -> target\installer\approvals-console-<version>-x64.msi
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 -Type app-image
#       -> target\installer\approvals-console-<version>-windows-x64.zip   (portable, unzip and run)
#
# Needs: a JDK 17 with jpackage (e.g. Temurin 17) and Maven on PATH; for the .msi the WiX Toolset 3.x
# (candle.exe and light.exe on PATH; jpackage 17 does not support WiX 4+).
# The same steps as packaging/common.sh: the jars, a jlinked runtime (JDK modules from jdeps + JavaFX from
# Maven's javafx-*-win.jar, whose DLLs go to runtime\bin; modules uncompressed, the .msi compresses better),
# a jpackage app-image, then the .msi.
# Two launchers: "Approvals Console.exe" (the desktop app, no console window) and approvals-console.exe
# (the command line: approvals-console.exe --help). AppCDS: the install folder can be chosen and JDK 17 ties an
# archive to one path, so Windows uses the runtime's default CDS archive only.
# Set SKIP_MAVEN=1 to reuse target\ from an earlier mvn package.
param([ValidateSet('msi', 'app-image')][string]$Type = 'msi')
$ErrorActionPreference = 'Stop'

$AppName = 'Approvals Console'
$AppId = 'approvals-console'
$Vendor = 'Approvals Console project'
$Copyright = 'Copyright the Approvals Console authors. Licensed under the Apache License 2.0.'
$MainClass = 'io.approvals.console.app.Main'
$MainJar = 'approvals-console.jar'
# keep in step with EXTRA_MODULES in packaging/common.sh
$ExtraModules = 'jdk.crypto.ec,jdk.httpserver,java.net.http,jdk.unsupported,java.naming,java.sql,jdk.charsets,jdk.zipfs'
# fixed, so that a newer .msi replaces an older one instead of installing beside it
$UpgradeUuid = '0621c31b-9c2d-4ca3-9032-aa42e7a4ced1'

$Root = Split-Path -Parent $PSScriptRoot
$Target = Join-Path $Root 'target'
$Work = Join-Path $Target 'packaging'
$InstallerDir = Join-Path $Target 'installer'
$InputDir = Join-Path $Work 'input'
$Runtime = Join-Path $Work 'runtime'
$ImageDir = Join-Path $Work 'image'

function Step([string]$Message) { Write-Host "`n==> $Message" }
function Invoke-Native([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe exited with $LASTEXITCODE" }
}

foreach ($tool in 'jpackage', 'jlink', 'jdeps', 'mvn') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { throw "missing tool on PATH: $tool" }
}
if ($Type -eq 'msi' -and -not (Get-Command candle.exe -ErrorAction SilentlyContinue)) {
    throw 'the .msi needs the WiX Toolset 3.x (candle.exe, light.exe) on PATH: https://wixtoolset.org/docs/wix3/'
}

if ($env:SKIP_MAVEN -ne '1') {
    Step 'Building the jars (mvn package -DskipTests)'
    Push-Location $Root
    try { Invoke-Native 'mvn' @('-B', '-q', 'package', '-DskipTests') } finally { Pop-Location }
}

$props = Get-Content (Join-Path $Target 'classes\io\approvals\console\version.properties')
$Version = ((($props | Where-Object { $_ -like 'version=*' }) -replace '^version=', '') -replace '-.*$', '').Trim()
if ($Version -notmatch '^\d+(\.\d+){0,2}$') { throw "version '$Version' is not N[.N[.N]], which jpackage needs" }

Step 'Staging the jars'
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
New-Item -ItemType Directory -Force (Join-Path $InputDir 'lib') | Out-Null
Copy-Item (Join-Path $Target $MainJar) $InputDir
# JavaFX goes into the runtime as modules; the same jars on the class path as well would load twice
Get-ChildItem (Join-Path $Target 'lib') -Filter *.jar | Where-Object { $_.Name -notlike 'javafx-*' } |
    Copy-Item -Destination (Join-Path $InputDir 'lib')

$FxJars = @(Get-ChildItem (Join-Path $Target 'lib') -Filter 'javafx-*-win.jar')
if ($FxJars.Count -eq 0) { throw 'no javafx-*-win.jar in target\lib' }
$FxPath = ($FxJars | ForEach-Object { $_.FullName }) -join ';'
$LibJars = @(Get-ChildItem (Join-Path $InputDir 'lib') -Filter *.jar | ForEach-Object { $_.FullName })

$jdepsArgs = @('--multi-release', '17', '--ignore-missing-deps', '--print-module-deps', '--module-path', $FxPath,
    '--class-path', ($LibJars -join ';'), (Join-Path $InputDir $MainJar)) + $LibJars
$found = (& jdeps @jdepsArgs | Select-Object -Last 1)
if ($LASTEXITCODE -ne 0 -or $found -notlike 'java.base*') { throw "jdeps did not print a module list (got: $found)" }
$Modules = (($found -split ',') + @('javafx.base', 'javafx.graphics', 'javafx.controls', 'javafx.fxml') +
    ($ExtraModules -split ',')) | Sort-Object -Unique
Step "Linking the runtime: $($Modules -join ',')"
Invoke-Native 'jlink' @('--module-path', $FxPath, '--add-modules', ($Modules -join ','), '--strip-debug',
    '--no-header-files', '--no-man-pages', '--compress=0', '--generate-cds-archive', '--output', $Runtime)
Remove-Item -Force -ErrorAction SilentlyContinue (Join-Path $Runtime 'bin\server\classes_nocoops.jsa')

# JavaFX's DLLs next to the JDK's, so JavaFX does not unpack them into %USERPROFILE%\.openjfx at first start
Add-Type -AssemblyName System.IO.Compression.FileSystem
$graphics = $FxJars | Where-Object { $_.Name -like 'javafx-graphics-*' } | Select-Object -First 1
$zip = [System.IO.Compression.ZipFile]::OpenRead($graphics.FullName)
try {
    foreach ($entry in $zip.Entries) {
        if ($entry.FullName -like '*.dll' -and $entry.FullName -notlike '*/*') {
            [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $Runtime "bin\$($entry.Name)"), $true)
        }
    }
} finally { $zip.Dispose() }

$description = ((Select-String -Path (Join-Path $Root 'pom.xml') -Pattern '<description>(.*)</description>' |
    Select-Object -First 1).Matches[0].Groups[1].Value)
$common = @('--name', $AppName, '--app-version', $Version, '--vendor', $Vendor, '--copyright', $Copyright,
    '--description', $description)

# The launcher's JVM options, one per line in the app's resources (the benchmark measures with the same list).
$launcherOptions = @(Get-Content (Join-Path $Root 'src\main\resources\io\approvals\console\launcher.options') |
    ForEach-Object { $_.Trim() } | Where-Object { $_ -and -not $_.StartsWith('#') } |
    ForEach-Object { '--java-options'; $_ })

Step "jpackage app-image (version $Version)"
Invoke-Native 'jpackage' (@('--type', 'app-image', '--dest', $ImageDir) + $common + @(
    '--input', $InputDir, '--main-jar', $MainJar, '--main-class', $MainClass, '--runtime-image', $Runtime,
    '--icon', (Join-Path $Root 'assets\icon.ico'),
    '--java-options', '-Xlog:all=off', '--java-options', '-Xlog:all=warning:stderr') + $launcherOptions + @(
    '--add-launcher', "$AppId=$(Join-Path $PSScriptRoot 'windows\cli-launcher.properties')"))
Copy-Item (Join-Path $Root 'LICENSE') (Join-Path $ImageDir "$AppName\LICENSE.txt")

New-Item -ItemType Directory -Force $InstallerDir | Out-Null
if ($Type -eq 'app-image') {
    Step 'Portable zip'
    $zipFile = Join-Path $InstallerDir "$AppId-$Version-windows-x64.zip"
    if (Test-Path $zipFile) { Remove-Item -Force $zipFile }
    Compress-Archive -Path (Join-Path $ImageDir $AppName) -DestinationPath $zipFile
} else {
    Step 'jpackage msi'
    $out = Join-Path $Work 'out-msi'
    Invoke-Native 'jpackage' (@('--type', 'msi', '--dest', $out, '--app-image', (Join-Path $ImageDir $AppName)) + $common + @(
        '--license-file', (Join-Path $Root 'LICENSE'), '--win-menu', '--win-menu-group', $AppName, '--win-shortcut',
        '--win-dir-chooser', '--win-upgrade-uuid', $UpgradeUuid))
    Get-ChildItem $out -Filter *.msi | Select-Object -First 1 |
        Move-Item -Destination (Join-Path $InstallerDir "$AppId-$Version-x64.msi") -Force
}
Step 'Done:'
Get-ChildItem $InstallerDir | Format-Table Name, Length
