# Builds the Windows MSI of SIO Desk on a Windows build host, offline, from the Windows kit that
# ./run installer made (dist\sio-desk-VERSION-windows-kit). PyInstaller cannot cross-compile, so
# this half runs on Windows. Needs: Python 3.11 x64 (py launcher) and WiX Toolset 3.14 (candle,
# light) from the organisation's approved media; signtool (Windows SDK) to sign with the token.
#   .\build-windows.ps1 [-SignThumbprint <release cert thumbprint in the token's store>]
param([string]$SignThumbprint = "")
$ErrorActionPreference = "Stop"
$Kit = Split-Path -Parent $MyInvocation.MyCommand.Path
$Src = Join-Path $Kit "source"
$Wheels = Join-Path $Kit "wheelhouse"
$Work = Join-Path $Kit "build"
$Version = (Get-Content (Join-Path $Kit "VERSION") -Raw).Trim()

function Step($text) { Write-Host "build-windows: $text" }
function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit $LASTEXITCODE)" } }

# 1. The kit is checked first: every file against MANIFEST.sha256 (its signature is checked on
#    the admin station with openssl, see docs\admin). A changed or unlisted file stops the build.
Step "checking the kit against MANIFEST.sha256"
$listed = @{}
foreach ($line in Get-Content (Join-Path $Kit "MANIFEST.sha256")) {
    $hash, $rel = $line -split "  ", 2
    $listed[$rel] = $hash
    $file = Join-Path $Kit ($rel -replace "/", "\")
    if (-not (Test-Path -LiteralPath $file)) { throw "missing from the kit: $rel" }
    if ((Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash.ToLower() -ne $hash) { throw "changed: $rel" }
}
Get-ChildItem -Recurse -File $Kit | Where-Object { $_.FullName -notlike "$Work*" } | ForEach-Object {
    $rel = $_.FullName.Substring($Kit.Length + 1) -replace "\\", "/"
    if ($rel -notin @("MANIFEST.sha256", "MANIFEST.sha256.sig") -and -not $listed.ContainsKey($rel)) { throw "not listed in the manifest: $rel" }
}

# 2. A build venv from the kit's wheels only (no index), hash-checked.
Step "build venv from the kit's wheelhouse (no network)"
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
& py -3.11 -m venv (Join-Path $Work "venv"); Check "python -m venv"
$Py = Join-Path $Work "venv\Scripts\python.exe"
& $Py -m pip install -q --no-index --find-links $Wheels --require-hashes `
    -r (Join-Path $Src "installer\runtime-windows.lock") -r (Join-Path $Src "installer\build-windows.lock"); Check "pip install"

# 3. Freeze, as on Linux: fixed hash seed and time, one executable under both names.
Step "freezing with PyInstaller"
$env:PYTHONHASHSEED = "0"
$env:SOURCE_DATE_EPOCH = (Get-Content (Join-Path $Kit "SOURCE_DATE_EPOCH") -Raw).Trim()
& $Py -m PyInstaller --noconfirm --clean --log-level WARN --workpath (Join-Path $Work "pyi") `
    --distpath (Join-Path $Work "dist") (Join-Path $Src "installer\sio-desk.spec"); Check "PyInstaller"
$App = Join-Path $Work "dist\sio-desk"
Copy-Item (Join-Path $App "sio-desk.exe") (Join-Path $App "sio-gateway.exe")
Get-ChildItem -Recurse -File -Filter RECORD $App | Where-Object { $_.Directory.Name -like "*.dist-info" } | Remove-Item
& (Join-Path $App "sio-desk.exe") selfcheck --json | Out-Null
if ($LASTEXITCODE -gt 2) { throw "the frozen sio-desk selfcheck failed (exit $LASTEXITCODE)" }

# 4. The MSI: per-machine, MajorUpgrade, C:\ProgramData\sio-desk for the policy (never written).
Step "MSI with WiX"
$env:PYTHONPATH = $Src
$Wxs = Join-Path $Work "sio-desk.wxs"
& $Py -m installer.wix --payload $App --version $Version --kind app -o $Wxs; Check "installer.wix"
& candle.exe -nologo -arch x64 "-dPayload=$App" -out (Join-Path $Work "sio-desk.wixobj") $Wxs; Check "candle"
$Msi = Join-Path $Kit "sio-desk-$Version-x64.msi"
& light.exe -nologo -out $Msi (Join-Path $Work "sio-desk.wixobj"); Check "light"

# 5. Authenticode with the release key on its token (certificate store), when given.
if ($SignThumbprint) {
    & signtool.exe sign /sha1 $SignThumbprint /fd SHA256 /d "SIO Desk $Version" $Msi; Check "signtool"
} else {
    Step "NOT signed: give -SignThumbprint, or sign on the admin station with osslsigncode"
}
Step "done: $Msi"
