# The one entry point on Windows: builds .venv from the hash-locked requirements when missing or
# stale, then dispatches.  .\run.ps1 demo | test | fuzz | bench | soak | sio-desk ... | sio-gateway ...
$ErrorActionPreference = "Stop"
$Root = Split-Path -Parent $MyInvocation.MyCommand.Path
Set-Location $Root
$Venv = Join-Path $Root ".venv"
$VenvPy = Join-Path $Venv "Scripts\python.exe"
$Python = if ($env:PYTHON) { $env:PYTHON } else { "py" }

function Get-LockDigest {
    $bytes = [IO.File]::ReadAllBytes((Join-Path $Root "requirements.lock")) + [IO.File]::ReadAllBytes((Join-Path $Root "pyproject.toml"))
    $sha = [Security.Cryptography.SHA256]::Create()
    -join ($sha.ComputeHash($bytes) | ForEach-Object { $_.ToString("x2") })
}

function Ensure-Venv {
    $want = Get-LockDigest
    $stamp = Join-Path $Venv ".lock-digest"
    if ((Test-Path $VenvPy) -and (Test-Path $stamp) -and ((Get-Content $stamp -Raw).Trim() -eq $want)) { return }
    Write-Host "run: building .venv from requirements.lock (hash-checked)..."
    if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv }
    if ($Python -eq "py") { & py -3.11 -m venv $Venv } else { & $Python -m venv $Venv }
    if ($LASTEXITCODE -ne 0) { throw "cannot create .venv (Python 3.11+ required)" }
    & $VenvPy -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
    if ($LASTEXITCODE -ne 0) { throw "pip install from requirements.lock failed" }
    & $VenvPy -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
    if ($LASTEXITCODE -ne 0) { throw "installing sio-desk into .venv failed" }
    Set-Content -Path $stamp -Value $want
}

$cmd = if ($args.Count -gt 0) { $args[0] } else { "help" }
$rest = if ($args.Count -gt 1) { $args[1..($args.Count - 1)] } else { @() }
switch ($cmd) {
    "demo"  { Ensure-Venv; & (Join-Path $Venv "Scripts\sio-desk.exe") demo @rest; exit $LASTEXITCODE }
    "test"  {
        Ensure-Venv
        Write-Host "run: SoftHSM2, poppler and PostgreSQL are not installed automatically on Windows; tests that need them are skipped."
        & (Join-Path $Venv "Scripts\ruff.exe") check .; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        & (Join-Path $Venv "Scripts\mypy.exe"); if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
        & $VenvPy -m pytest -q @rest; exit $LASTEXITCODE
    }
    "bench" { Write-Host "run: the gateway figures need wrk, which Windows lacks; they report an error there."; Ensure-Venv; & $VenvPy -m bench @rest; exit $LASTEXITCODE }
    "soak"  { Write-Host "run: the soak needs SoftHSM2 and Linux's /proc; run it on Linux."; Ensure-Venv; & $VenvPy -m bench.soak @rest; exit $LASTEXITCODE }
    "fuzz"  {
        # The schemathesis harness of `test` with a far larger budget; in-process, nothing leaves the machine.
        Ensure-Venv
        if (-not $env:SIO_FUZZ_EXAMPLES) { $env:SIO_FUZZ_EXAMPLES = "2000" }
        if (-not $env:SIO_FUZZ_STEPS) { $env:SIO_FUZZ_STEPS = "12" }
        if (-not $env:SIO_FUZZ_SCENARIOS) { $env:SIO_FUZZ_SCENARIOS = "500" }
        Write-Host "run: fuzz ($env:SIO_FUZZ_EXAMPLES examples per operation, $env:SIO_FUZZ_SCENARIOS scenarios of $env:SIO_FUZZ_STEPS steps)"
        & $VenvPy -m pytest -q -p no:cacheprovider -o timeout=0 tests/fuzz @rest; exit $LASTEXITCODE
    }
    "installer" {
        # The Linux bundle, the .deb and the Windows kit are made by ./run installer on Linux; on a
        # Windows build host the kit's build-windows.ps1 freezes the app and builds the MSI offline.
        if ($rest.Count -lt 1) { Write-Host "usage: .\run.ps1 installer KIT_DIR [-SignThumbprint T]   (KIT_DIR: dist\sio-desk-VERSION-windows-kit from ./run installer on Linux; docs\admin)"; exit 2 }
        $kitDir = $rest[0]; $kitArgs = if ($rest.Count -gt 1) { $rest[1..($rest.Count - 1)] } else { @() }
        & (Join-Path $kitDir "build-windows.ps1") @kitArgs; exit $LASTEXITCODE
    }
    { $_ -in "sio-desk", "sio-gateway" } { Ensure-Venv; & (Join-Path $Venv "Scripts\$cmd.exe") @rest; exit $LASTEXITCODE }
    default { Write-Host "usage: .\run.ps1 demo [--headless] [--json] | test | fuzz | bench [--json] [--check] [--quick] | soak | installer KIT_DIR | sio-desk ... | sio-gateway ..."; if ($cmd -eq "help") { exit 0 } else { exit 2 } }
}
