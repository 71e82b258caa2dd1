<#
.SYNOPSIS
    Writes the module's MAML help from its sources: the staged module's command metadata (syntax,
    parameter types, pipeline input, hence INPUTS; [OutputType], hence OUTPUTS), an instance of each
    cmdlet (the defaults its properties start with), the /// summaries of the assemblies (parameter and
    output descriptions) and docs/help/<Cmdlet>.md (synopsis, description, examples, and optionally the
    defaults the code cannot show, output notes and related links). Run by build.ps1 in a child process.
.DESCRIPTION
    Related links: the online version (the manifest's ProjectUri + /blob/main/docs/help/<Cmdlet>.md, which
    each cmdlet's HelpUri must match), every cmdlet of the same noun, the md's '## Related links', and
    about_SpApi. Works for any exported cmdlet: one without the optional md sections still gets all of it.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $XmlDocumentation,
    [Parameter(Mandatory)] [string] $HelpSource,
    [Parameter(Mandatory)] [string] $Destination
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$module = Import-Module $ModuleManifest -PassThru
# The cmdlet assembly's /// comments, and those of the assemblies beside it (SpApi.Core: the output types).
$docMembers = @{}
foreach ($file in @($XmlDocumentation) + @(Get-ChildItem -Path (Split-Path $XmlDocumentation) -Filter 'SpApi.*.xml' | Where-Object FullName -NE (Resolve-Path $XmlDocumentation).Path | ForEach-Object FullName)) {
    ([xml] (Get-Content -Raw -Path $file)).doc.members.member | ForEach-Object { $docMembers[$_.name] = $_ }
}
$projectUri = $module.PrivateData.PSData.ProjectUri
if (-not $projectUri) { throw "$ModuleManifest has no PrivateData.PSData.ProjectUri, the base of the online help." }
$onlineRoot = "$("$projectUri".TrimEnd('/'))/blob/main/docs/help/"
$common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

# SupportsPaging adds these; they are PowerShell's, not properties of the cmdlet.
$pagingParameters = @{
    First             = 'Gets only the first N objects; paging stops as soon as they have been read.'
    Skip              = 'Ignores the first N objects and then gets the rest.'
    IncludeTotalCount = 'Reports the total number of objects; SpApi cannot know it in advance, so the count is reported as unknown.'
}

function Get-Summary($Cmdlet, [string] $ParameterName) {
    if ($pagingParameters.ContainsKey($ParameterName)) { return $pagingParameters[$ParameterName] }
    $property = $Cmdlet.ImplementingType.GetProperty($ParameterName)
    $name = "P:$($property.DeclaringType.FullName).$($property.Name)"
    $summary = Get-DocSummary $name
    if (-not $summary) { throw "$name has no /// summary." }
    $summary
}

function Get-DocSummary([string] $MemberName) {
    $member = $docMembers[$MemberName]
    if ($member -and $member.SelectSingleNode('summary')) { ($member.SelectSingleNode('summary').InnerText -replace '\s+', ' ').Trim() }
}

function Format-DefaultValue($Value) {
    # The text of a property's initial value, or nothing when it has none worth showing (null, empty).
    # Help.Tests.ps1 formats an instance's values the same way to compare them with Get-Help.
    if ($null -eq $Value) { return $null }
    if ($Value -is [System.Management.Automation.SwitchParameter]) { return "$($Value.IsPresent)" }
    if ($Value -is [string]) { return $(if ($Value) { $Value } else { $null }) }
    if ($Value -is [System.Collections.IEnumerable]) { $items = @($Value); return $(if ($items.Count) { $items -join ', ' } else { $null }) }
    "$Value"
}

function Get-DefaultValue($Cmdlet, $Instance, $Parameter, $Declared) {
    # A parameter mandatory wherever it appears has no default. Otherwise the value the cmdlet starts with;
    # failing that, what the md declares (a default decided at run time or by Amazon, such as 'now').
    $optional = @($Parameter.ParameterSets.Values | Where-Object { -not $_.IsMandatory }).Count -gt 0
    $property = $Cmdlet.ImplementingType.GetProperty($Parameter.Name)
    $fromCode = if ($optional -and $property) { Format-DefaultValue $property.GetValue($Instance) }
    if ($Declared.Contains($Parameter.Name)) {
        if ($fromCode) { throw "$($Cmdlet.Name) -$($Parameter.Name): its default comes from the code ($fromCode); remove it from '## Defaults' in its help source." }
        if (-not $optional) { throw "$($Cmdlet.Name) -$($Parameter.Name) is mandatory; it has no default for '## Defaults' to declare." }
        return $Declared[$Parameter.Name]
    }
    if ($fromCode) { $fromCode } else { 'None' }
}

function Read-ListSection([string] $Text, [string] $Title, [string] $Path) {
    # An optional '## Title' section of '- Key: text' lines (or '- Key' lines), as an ordered table.
    $entries = [ordered] @{}
    if ($Text -match "(?ms)^## $Title\s*\n(.*?)(?=^## |\z)") {
        foreach ($line in $Matches[1] -split '\n' | Where-Object { $_.Trim() }) {
            if ($line -notmatch '^- (?<key>[^:]+?)\s*(?::\s*(?<text>.+))?$') { throw "$Path, '## $Title': '$line' is not a '- name: text' line." }
            $entries[$Matches.key.Trim()] = "$($Matches['text'])".Trim()
        }
    }
    $entries
}

function Read-HelpSource([string] $Name) {
    $path = Join-Path $HelpSource "$Name.md"
    if (-not (Test-Path $path)) { throw "No help source for ${Name}: $path is missing." }
    $text = Get-Content -Raw -Path $path
    $section = { param($title) if ($text -match "(?ms)^## $title\s*\n(.*?)(?=^## |\z)") { $Matches[1].Trim() } else { throw "$path has no '## $title'." } }
    $examples = [regex]::Matches((& $section 'Examples'), '(?ms)^### (?<title>.+?)\n```powershell\n(?<code>.*?)\n```\s*(?<remarks>.*?)(?=^### |\z)') |
        ForEach-Object { [pscustomobject]@{ Title = $_.Groups['title'].Value.Trim(); Code = $_.Groups['code'].Value; Remarks = $_.Groups['remarks'].Value.Trim() } }
    if (-not $examples) { throw "$path has no example." }
    [pscustomobject]@{
        Synopsis     = & $section 'Synopsis'
        Description  = & $section 'Description'
        Examples     = @($examples)
        Defaults     = Read-ListSection $text 'Defaults' $path
        Outputs      = Read-ListSection $text 'Outputs' $path
        RelatedLinks = @((Read-ListSection $text 'Related links' $path).Keys)
    }
}

function Write-TypeEntry($writer, [string] $element, [string] $typeName, [string] $description) {
    $writer.WriteStartElement('command', $element, $command)
    $writer.WriteStartElement('dev', 'type', $dev)
    $writer.WriteElementString('name', $maml, $typeName)
    $writer.WriteEndElement()
    if ($description) { Write-Para $writer $description }
    $writer.WriteEndElement()
}

function Write-Inputs($writer, $cmdlet) {
    # What the pipeline can bind: each type, with the parameters it binds to and how.
    $byType = [ordered] @{}
    foreach ($parameter in $cmdlet.Parameters.Values | Where-Object Name -NotIn $common | Sort-Object Name) {
        $attributes = @($parameter.ParameterSets.Values)
        $byValue = @($attributes | Where-Object ValueFromPipeline).Count -gt 0
        $byName = @($attributes | Where-Object ValueFromPipelineByPropertyName).Count -gt 0
        if (-not ($byValue -or $byName)) { continue }
        $type = $parameter.ParameterType
        $name = ([Nullable]::GetUnderlyingType($type) ?? $type).FullName
        $how = if ($byValue -and $byName) { "-$($parameter.Name) binds the piped object itself, or its $($parameter.Name) property." }
            elseif ($byValue) { "-$($parameter.Name) binds the piped object." }
            else { "-$($parameter.Name) binds the $($parameter.Name) property of piped objects." }
        $byType[$name] = @($byType[$name] | Where-Object { $_ }) + $how
    }
    $writer.WriteStartElement('command', 'inputTypes', $command)
    if ($byType.Count -eq 0) { Write-TypeEntry $writer 'inputType' 'None' "You can't pipe objects to $($cmdlet.Name)." }
    foreach ($entry in $byType.GetEnumerator()) { Write-TypeEntry $writer 'inputType' $entry.Key ($entry.Value -join ' ') }
    $writer.WriteEndElement()
}

function Write-Outputs($writer, $cmdlet, $source) {
    # [OutputType] of the class, with the type's /// summary (or the md's note) and the parameter sets it is for.
    $attributes = @($cmdlet.ImplementingType.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $true))
    if ($attributes.Count -eq 0) { throw "$($cmdlet.Name) has no [OutputType]." }
    $names = @($attributes | ForEach-Object { $_.Type.Name })
    foreach ($noted in $source.Outputs.Keys) {
        if ($noted -notin $names) { throw "$($cmdlet.Name): '## Outputs' names $noted, which is not in its [OutputType] ($($names -join ', '))." }
    }
    $writer.WriteStartElement('command', 'returnValues', $command)
    foreach ($attribute in $attributes) {
        $sets = @($attribute.ParameterSetName | Where-Object { $_ -ne '__AllParameterSets' })
        foreach ($type in $attribute.Type) {
            $description = if ($source.Outputs.Contains($type.Name)) { $source.Outputs[$type.Name] } else { Get-DocSummary "T:$($type.Name)" }
            if ($sets) { $description = "$description (parameter set$(if ($sets.Count -gt 1) { 's' }) $($sets -join ', '))".Trim() }
            Write-TypeEntry $writer 'returnValue' $type.Name $description
        }
    }
    $writer.WriteEndElement()
}

function Write-RelatedLinks($writer, $cmdlet, $source, $exported) {
    $links = @(
        $exported | Where-Object { $_.Noun -eq $cmdlet.Noun -and $_.Name -ne $cmdlet.Name } | ForEach-Object Name
        $source.RelatedLinks
        'about_SpApi'
    ) | Select-Object -Unique
    foreach ($link in $links) {
        if ($link -notlike 'about_*' -and $link -notin $exported.Name) { throw "$($cmdlet.Name): the related link $link is not a cmdlet of the module." }
    }
    $writer.WriteStartElement('command', 'relatedLinks', $command)
    foreach ($link in @([pscustomobject]@{ Text = 'Online Version:'; Uri = "$onlineRoot$($cmdlet.Name).md" }) + @($links | ForEach-Object { [pscustomobject]@{ Text = $_; Uri = '' } })) {
        $writer.WriteStartElement('maml', 'navigationLink', $maml)
        $writer.WriteElementString('linkText', $maml, $link.Text)
        $writer.WriteElementString('uri', $maml, $link.Uri)
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
}

function Write-Para($writer, [string] $text) {
    $writer.WriteStartElement('maml', 'description', $maml)
    $writer.WriteElementString('para', $maml, $text)
    $writer.WriteEndElement()
}

function Write-Parameter($writer, $cmdlet, $parameter, [string] $setName, [string] $defaultValue) {
    $attribute = $parameter.ParameterSets[$(if ($parameter.ParameterSets.ContainsKey($setName)) { $setName } else { '__AllParameterSets' })]
    $pipeline = @(if ($attribute.ValueFromPipeline) { 'ByValue' }; if ($attribute.ValueFromPipelineByPropertyName) { 'ByPropertyName' })
    $writer.WriteStartElement('command', 'parameter', $command)
    $writer.WriteAttributeString('required', "$($attribute.IsMandatory)".ToLowerInvariant())
    $writer.WriteAttributeString('globbing', 'false')
    $writer.WriteAttributeString('pipelineInput', $(if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }))
    $writer.WriteAttributeString('position', $(if ($attribute.Position -ge 0) { "$($attribute.Position)" } else { 'named' }))
    $writer.WriteElementString('name', $maml, $parameter.Name)
    Write-Para $writer (Get-Summary $cmdlet $parameter.Name)
    if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $writer.WriteStartElement('command', 'parameterValue', $command)
        $writer.WriteAttributeString('required', 'true')
        $type = $parameter.ParameterType
        $writer.WriteString(([Nullable]::GetUnderlyingType($type) ?? $type).Name)
        $writer.WriteEndElement()
    }
    if ($defaultValue) { $writer.WriteElementString('defaultValue', $dev, $defaultValue) }
    $writer.WriteEndElement()
}

New-Item -ItemType Directory -Force -Path (Split-Path $Destination) | Out-Null
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
$writer.WriteStartElement('helpItems')
$writer.WriteAttributeString('schema', 'maml')
$exported = @($module.ExportedCmdlets.Values | Sort-Object Name)
foreach ($cmdlet in $exported) {
    $source = Read-HelpSource $cmdlet.Name
    # The defaults are what a new instance's properties hold: the property initialisers, read as PowerShell binds them.
    $instance = [Activator]::CreateInstance($cmdlet.ImplementingType)
    foreach ($declared in $source.Defaults.Keys) {
        if (-not $cmdlet.Parameters.ContainsKey($declared)) { throw "$($cmdlet.Name): '## Defaults' names -$declared, which it does not have." }
    }
    $writer.WriteStartElement('command', 'command', $command)
    $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
    $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $writer.WriteStartElement('command', 'details', $command)
    $writer.WriteElementString('name', $command, $cmdlet.Name)
    $writer.WriteElementString('verb', $command, $cmdlet.Verb)
    $writer.WriteElementString('noun', $command, $cmdlet.Noun)
    Write-Para $writer $source.Synopsis
    $writer.WriteEndElement()
    Write-Para $writer $source.Description

    $writer.WriteStartElement('command', 'syntax', $command)
    foreach ($set in $cmdlet.ParameterSets) {
        $writer.WriteStartElement('command', 'syntaxItem', $command)
        $writer.WriteElementString('name', $maml, $cmdlet.Name)
        foreach ($parameter in $set.Parameters | Where-Object Name -NotIn $common) {
            Write-Parameter $writer $cmdlet $cmdlet.Parameters[$parameter.Name] $set.Name
        }
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()

    $writer.WriteStartElement('command', 'parameters', $command)
    foreach ($parameter in $cmdlet.Parameters.Values | Where-Object Name -NotIn $common | Sort-Object Name) {
        $default = if ($pagingParameters.ContainsKey($parameter.Name)) { 'None' } else { Get-DefaultValue $cmdlet $instance $parameter $source.Defaults }
        Write-Parameter $writer $cmdlet $parameter ($parameter.ParameterSets.Keys | Select-Object -First 1) $default
    }
    $writer.WriteEndElement()
    if ($instance -is [System.IDisposable]) { $instance.Dispose() }

    Write-Inputs $writer $cmdlet
    Write-Outputs $writer $cmdlet $source

    $writer.WriteStartElement('command', 'examples', $command)
    foreach ($example in $source.Examples) {
        $writer.WriteStartElement('command', 'example', $command)
        $writer.WriteElementString('title', $maml, "-------------------------- $($example.Title) --------------------------")
        $writer.WriteElementString('code', $dev, $example.Code)
        $writer.WriteStartElement('dev', 'remarks', $dev)
        $writer.WriteElementString('para', $maml, $example.Remarks)
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    Write-RelatedLinks $writer $cmdlet $source $exported
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.Dispose()
