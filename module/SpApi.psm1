# Loads the build of the cmdlet assembly that matches the running PowerShell:
# bin/net8.0 for PowerShell 7.4+ (Core), bin/net472 for Windows PowerShell 5.1 (Desktop).
$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'net472' }

if ($PSEdition -ne 'Core') {
    # Windows PowerShell 5.1 may default to TLS 1.0/1.1; SP-API needs TLS 1.2. Add it, keep what is set.
    [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
}

$assembly = Join-Path -Path $PSScriptRoot -ChildPath "bin/$framework/SpApi.PowerShell.dll"
$binary = Import-Module -Name $assembly -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($binary.ExportedCmdlets.Keys)
