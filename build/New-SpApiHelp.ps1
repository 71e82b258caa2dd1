<#
.SYNOPSIS
    Writes the module's MAML help from its sources: the staged module's command metadata (syntax,
    parameter types, pipeline input), the /// summaries of the cmdlet assembly (parameter descriptions)
    and docs/help/<Cmdlet>.md (synopsis, description, examples). Run by build.ps1 in a child process.
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
[xml] $docs = Get-Content -Raw -Path $XmlDocumentation
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
    $member = $docs.doc.members.member | Where-Object name -EQ $name
    if (-not $member) { throw "$name has no /// summary." }
    ($member.SelectSingleNode('summary').InnerText -replace '\s+', ' ').Trim()
}

function Read-HelpSource([string] $Name) {
    $path = Join-Path $HelpSource "$Name.md"
    if (-not (Test-Path $path)) { throw "No help source for ${Name}: $path is missing." }
    $text = Get-Content -Raw -Path $path
    $section = { param($title) if ($text -match "(?ms)^## $title\s*\n(.*?)(?=^## |\z)") { $Matches[1].Trim() } else { throw "$path has no '## $title'." } }
    $examples = [regex]::Matches((& $section 'Examples'), '(?ms)^### (?<title>.+?)\n```powershell\n(?<code>.*?)\n```\s*(?<remarks>.*?)(?=^### |\z)') |
        ForEach-Object { [pscustomobject]@{ Title = $_.Groups['title'].Value.Trim(); Code = $_.Groups['code'].Value; Remarks = $_.Groups['remarks'].Value.Trim() } }
    if (-not $examples) { throw "$path has no example." }
    [pscustomobject]@{ Synopsis = & $section 'Synopsis'; Description = & $section 'Description'; Examples = @($examples) }
}

function Write-Para($writer, [string] $text) {
    $writer.WriteStartElement('maml', 'description', $maml)
    $writer.WriteElementString('para', $maml, $text)
    $writer.WriteEndElement()
}

function Write-Parameter($writer, $cmdlet, $parameter, [string] $setName) {
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
    $writer.WriteEndElement()
}

New-Item -ItemType Directory -Force -Path (Split-Path $Destination) | Out-Null
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
$writer.WriteStartElement('helpItems')
$writer.WriteAttributeString('schema', 'maml')
foreach ($cmdlet in $module.ExportedCmdlets.Values | Sort-Object Name) {
    $source = Read-HelpSource $cmdlet.Name
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
        Write-Parameter $writer $cmdlet $parameter ($parameter.ParameterSets.Keys | Select-Object -First 1)
    }
    $writer.WriteEndElement()

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
    $writer.WriteEndElement()
}
$writer.WriteEndElement()
$writer.Dispose()
