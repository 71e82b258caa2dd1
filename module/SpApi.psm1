# Loads the build of the cmdlet assembly that matches the running PowerShell:
# bin/net8.0 for PowerShell 7.4+ (Core), bin/net472 for Windows PowerShell 5.1 (Desktop).
# docs/loading.md explains both.
if ($PSEdition -eq 'Core') {
    if ($PSVersionTable.PSVersion -lt [version] '7.4') {
        throw "SpApi needs PowerShell 7.4 or later, or Windows PowerShell 5.1; this is PowerShell $($PSVersionTable.PSVersion). Install PowerShell 7.4+ (https://aka.ms/powershell)."
    }
    # SpApi.Core and its dependencies load in the module's own AssemblyLoadContext, from bin/net8.0/lib: only
    # the cmdlet assembly enters the shared context. The cmdlet assembly's ModuleInitializer sets the context up
    # as it is imported, before any cmdlet runs (docs/loading.md).
    $assembly = "$PSScriptRoot/bin/net8.0/SpApi.PowerShell.dll"
}
else {
    # Windows PowerShell 5.1 may default to TLS 1.0/1.1; SP-API needs TLS 1.2. Add it, keep what is set.
    [System.Net.ServicePointManager]::SecurityProtocol = [System.Net.ServicePointManager]::SecurityProtocol -bor [System.Net.SecurityProtocolType]::Tls12
    $assembly = "$PSScriptRoot/bin/net472/SpApi.PowerShell.dll"
}

# By path, not Import-Module -Assembly: PowerShell caches what it found in an assembly object, so -Assembly
# of the same (already loaded) assembly exports no cmdlets after Import-Module -Force or Remove-Module.
$binary = Import-Module -Name $assembly -PassThru -ErrorAction Stop
Export-ModuleMember -Cmdlet @($binary.ExportedCmdlets.Keys)
