# The help of every exported cmdlet against the code: INPUTS are what its pipeline binds, OUTPUTS its
# [OutputType], each parameter's default what a new instance holds, the online version its HelpUri, and
# related links that exist and go both ways. Cmdlets come from the manifest, so a new one is covered too.

BeforeDiscovery {
    $manifest = if ($env:SPAPI_TEST_MODULE) { $env:SPAPI_TEST_MODULE } else { Join-Path $PSScriptRoot '../../out/SpApi/SpApi.psd1' }
    $cmdlets = @((Import-PowerShellDataFile $manifest).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
    # Cmdlets that chain, so each one's help must name the other.
    $chains = @(
        @{ From = 'New-SpInvoiceExport'; To = 'Receive-SpInvoiceExport' }
        @{ From = 'New-SpInvoiceExport'; To = 'Get-SpInvoiceExport' }
        @{ From = 'Get-SpInvoiceExport'; To = 'Receive-SpInvoiceExport' }
        @{ From = 'New-SpVendorInvoice'; To = 'Test-SpVendorInvoice' }
        @{ From = 'Test-SpVendorInvoice'; To = 'Submit-SpVendorInvoice' }
        @{ From = 'New-SpVendorInvoice'; To = 'Get-SpTransactionStatus' }
        @{ From = 'Test-SpVendorInvoice'; To = 'Get-SpTransactionStatus' }
        @{ From = 'Submit-SpVendorInvoice'; To = 'Get-SpTransactionStatus' }
        @{ From = 'Get-SpCustomerInvoice'; To = 'Save-SpCustomerInvoice' }
        @{ From = 'Get-SpCustomerInvoice'; To = 'Sync-SpCustomerInvoice' }
        @{ From = 'Save-SpCustomerInvoice'; To = 'Sync-SpCustomerInvoice' }
        @{ From = 'Connect-SpApi'; To = 'Get-SpApiConnection' }
        @{ From = 'Connect-SpApi'; To = 'Disconnect-SpApi' }
        @{ From = 'Get-SpApiConnection'; To = 'Disconnect-SpApi' }
        @{ From = 'Connect-SpApi'; To = 'Save-SpApiProfile' }
        @{ From = 'Get-SpInvoiceAttribute'; To = 'Get-SpInvoice' }
        @{ From = 'Get-SpInvoiceAttribute'; To = 'New-SpInvoiceExport' }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Shared.ps1')
    Import-SpApiTestModule
    $script:module = Get-Module SpApi
    $script:common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
    # SupportsPaging's parameters are PowerShell's, not properties of the cmdlet.
    $script:paging = 'First', 'Skip', 'IncludeTotalCount'

    function Get-Link([string] $Name) {
        @((Get-Help $Name -Full).relatedLinks.navigationLink | Where-Object linkText -NE 'Online Version:' | ForEach-Object { $_.linkText.Trim() })
    }

    function ConvertTo-DefaultText($Value) {
        # A property's initial value as help shows it; nothing for null and empty values.
        if ($null -eq $Value) { return $null }
        if ($Value -is [System.Management.Automation.SwitchParameter]) { return "$($Value.IsPresent)" }
        if ($Value -is [string]) { return $(if ($Value) { $Value } else { $null }) }
        if ($Value -is [System.Collections.IEnumerable]) { $items = @($Value); return $(if ($items.Count) { $items -join ', ' } else { $null }) }
        "$Value"
    }

    function Get-HelpSection([string] $Text, [string] $Title) {
        # The lines of one section of Get-Help -Full's text: from its heading to the next heading.
        if ($Text -match "(?ms)^$Title\r?\n(?<body>.*?)(?=^[A-Z][A-Z ]+\r?\n|\z)") { $Matches.body.Trim() }
    }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $script:command = Get-Command $Name
        $script:help = Get-Help $Name -Full
        $script:parameters = @($command.Parameters.Values | Where-Object Name -NotIn $common)
    }

    It 'lists as INPUTS the types its pipeline binds' {
        $bound = @($parameters | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } })
        $expected = if ($bound) { @($bound | ForEach-Object { $type = $_.ParameterType; $underlying = [Nullable]::GetUnderlyingType($type); $(if ($underlying) { $underlying } else { $type }).FullName } | Sort-Object -Unique) } else { 'None' }
        @($help.inputTypes.inputType.type.name | Sort-Object) | Should -Be $expected
        foreach ($parameter in $bound) {
            ($help.inputTypes.inputType.description.Text -join ' ') | Should -Match "-$($parameter.Name)\b" -Because "-$($parameter.Name) takes pipeline input"
        }
    }

    It 'lists as OUTPUTS its [OutputType]' {
        $command.OutputType | Should -Not -BeNullOrEmpty
        @($help.returnValues.returnValue.type.name | Sort-Object -Unique) | Should -Be @($command.OutputType.Name | Sort-Object -Unique)
    }

    It 'shows each default the code starts with, and a default for every parameter' {
        $instance = [Activator]::CreateInstance($command.ImplementingType)
        try {
            foreach ($parameter in $parameters) {
                $shown = ($help.parameters.parameter | Where-Object name -EQ $parameter.Name).defaultValue
                $shown | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a Default value line"
                $optional = @($parameter.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -gt 0
                $property = $command.ImplementingType.GetProperty($parameter.Name)
                $code = if ($optional -and $property -and $parameter.Name -notin $paging) { ConvertTo-DefaultText $property.GetValue($instance) }
                if ($code) { $shown | Should -Be $code -Because "a new $($command.ImplementingType.Name) starts with $($parameter.Name) = $code" }
                elseif (-not $optional) { $shown | Should -Be 'None' -Because "-$($parameter.Name) is mandatory" }
            }
        }
        finally {
            if ($instance -is [System.IDisposable]) { $instance.Dispose() }
        }
    }

    It 'has an online version in the project''s docs, the same as its HelpUri' {
        $expected = "$($module.PrivateData.PSData.ProjectUri.ToString().TrimEnd('/'))/blob/main/docs/help/$Name.md"
        $command.HelpUri | Should -Be $expected
        $online = @($help.relatedLinks.navigationLink)[0]
        $online.linkText | Should -Be 'Online Version:'
        $online.uri | Should -Be $expected
        Test-Path (Join-Path $PSScriptRoot "../../docs/help/$Name.md") | Should -BeTrue -Because 'the online version is the help source'
    }

    It 'links to commands and topics that exist, and each linked command links back' {
        $links = Get-Link $Name
        @($links | Where-Object { $_ -notlike 'about_*' }) | Should -Not -BeNullOrEmpty -Because 'every cmdlet chains with another'
        foreach ($link in $links) {
            if ($link -like 'about_*') {
                Test-Path (Join-Path $module.ModuleBase "en-US/$link.help.txt") | Should -BeTrue -Because "$link is a shipped about topic"
            }
            else {
                $link | Should -BeIn $module.ExportedCmdlets.Keys
                Get-Link $link | Should -Contain $Name -Because "$link is related to $Name as much as the other way round"
            }
        }
    }

    It 'prints INPUTS, OUTPUTS and RELATED LINKS with content in Get-Help -Full' {
        $text = Get-Help $Name -Full | Out-String -Width 200
        foreach ($section in 'INPUTS', 'OUTPUTS', 'RELATED LINKS') {
            Get-HelpSection $text $section | Should -Not -BeNullOrEmpty -Because "$section must not be empty"
        }
        Get-HelpSection $text 'RELATED LINKS' | Should -Match ([regex]::Escape($command.HelpUri))
        $text | Should -Not -Match '(?m)Default value\s*$' -Because 'every parameter shows its default'
    }
}

Describe 'Related links between cmdlets that chain' {
    It '<From> and <To> name each other' -ForEach $chains {
        Get-Link $From | Should -Contain $To
        Get-Link $To | Should -Contain $From
    }
}
