using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SpApi.PowerShell.Cmdlets;
using SpApi.PowerShell.Infrastructure;
using SpApi.Tests.Support;

namespace SpApi.Tests.PowerShell;

/// <summary>Cmdlet metadata, read by reflection: what PowerShell would see when it loads the module.</summary>
public sealed class CmdletMetadataTests
{
    private static readonly Assembly Module = typeof(ConnectSpApiCommand).Assembly;

    public static IEnumerable<Type> CmdletTypes =>
        Module.GetTypes().Where(t => Attribute<CmdletAttribute>(t) is not null);

    public static TheoryData<string> CmdletNames() => new(CmdletTypes.Select(t => t.Name));

    [Fact]
    public void TheManifestExportsExactlyTheCmdlets()
    {
        var manifest = File.ReadAllText(Path.Combine(Repository.Root, "module", "SpApi.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
        var exported = Regex.Matches(block, "'([^']+)'").Select(m => m.Groups[1].Value).OrderBy(n => n);

        Assert.Equal(CmdletTypes.Select(NameOf).OrderBy(n => n), exported);
        Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", manifest);
        Assert.Matches(@"VariablesToExport\s*=\s*@\(\)", manifest);
        Assert.Matches(@"AliasesToExport\s*=\s*@\(\)", manifest);
    }

    [Fact]
    public void TheManifestVersionIsTheBuildVersion()
    {
        var props = XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props"));
        var version = props.Descendants("VersionPrefix").Single().Value;
        var manifest = File.ReadAllText(Path.Combine(Repository.Root, "module", "SpApi.psd1"));

        Assert.Equal(version, Regex.Match(manifest, @"ModuleVersion\s*=\s*'([^']+)'").Groups[1].Value);
    }

    [Fact]
    public void TheManifestDeclaresBothEditionsAndTheGalleryData()
    {
        var manifest = File.ReadAllText(Path.Combine(Repository.Root, "module", "SpApi.psd1"));

        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", manifest);
        foreach (var empty in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.Matches($@"{empty}\s*=\s*@\(\)", manifest);
        }

        var tags = Regex.Match(manifest, @"Tags\s*=\s*@\((?<list>[^)]*)\)").Groups["list"].Value;
        Assert.All(new[] { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS" }, tag => Assert.Contains($"'{tag}'", tags));
        foreach (var key in new[] { "ProjectUri", "LicenseUri", "ReleaseNotes" })
        {
            Assert.Matches($@"{key}\s*=\s*'[^']+'", manifest);
        }
    }

    [Fact]
    public void TheLoaderAddsTls12WithoutDroppingWhatIsEnabled()
    {
        var loader = File.ReadAllText(Path.Combine(Repository.Root, "module", "SpApi.psm1"));

        Assert.Matches(@"SecurityProtocol\s*=\s*\[System\.Net\.ServicePointManager\]::SecurityProtocol\s*-bor\s*\[System\.Net\.SecurityProtocolType\]::Tls12", loader);
        Assert.Single(Regex.Matches(loader, @"SecurityProtocol\s*="));
    }

    [Theory]
    [InlineData("FormatsToProcess", "SpApi.Format.ps1xml")]
    [InlineData("TypesToProcess", "SpApi.Types.ps1xml")]
    public void TheManifestLoadsTheFormatAndTypesFiles(string key, string file)
    {
        var manifest = File.ReadAllText(Path.Combine(Repository.Root, "module", "SpApi.psd1"));

        Assert.Matches($@"{key}\s*=\s*@\('{Regex.Escape(file)}'\)", manifest);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "module", file)), $"module/{file} is missing");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EachCmdletFollowsTheHouseRules(string typeName)
    {
        var type = CmdletTypes.Single(t => t.Name == typeName);
        var cmdlet = Cmdlet(type);

        Assert.True(type.IsSealed, $"{type.Name} must be sealed");
        Assert.True(typeof(SpApiCmdlet).IsAssignableFrom(type), $"{type.Name} must derive from SpApiCmdlet");
        Assert.Contains(cmdlet.VerbName, ApprovedVerbs());
        Assert.StartsWith("Sp", cmdlet.NounName);
        Assert.False(cmdlet.NounName.EndsWith("s", StringComparison.Ordinal) && !cmdlet.NounName.EndsWith("ss", StringComparison.Ordinal) && !cmdlet.NounName.EndsWith("Status", StringComparison.Ordinal), $"{cmdlet.NounName} must be singular");
        Assert.Equal($"{cmdlet.VerbName}{cmdlet.NounName}Command", type.Name);
        Assert.NotNull(Attribute<OutputTypeAttribute>(type));
        Assert.False(string.IsNullOrWhiteSpace(Summary($"T:{type.FullName}")), $"{type.Name} needs a /// summary");
        foreach (var parameter in Parameters(type))
        {
            Assert.False(string.IsNullOrWhiteSpace(Summary($"P:{parameter.DeclaringType!.FullName}.{parameter.Name}")), $"{type.Name}.{parameter.Name} needs a /// summary");
            Assert.NotEqual(typeof(bool), parameter.PropertyType);
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void NoTwoParameterSetsAreAmbiguous(string typeName)
    {
        var type = CmdletTypes.Single(t => t.Name == typeName);
        var defaultSet = Cmdlet(type).DefaultParameterSetName;
        var sets = Parameters(type)
            .SelectMany(p => ParameterAttributes(p).Select(a => (Set: a.ParameterSetName, Parameter: p.Name, a.Mandatory)))
            .Where(x => x.Set != AllParameterSets)
            .GroupBy(x => x.Set)
            .ToDictionary(g => g.Key, g => g.ToList());

        foreach (var a in sets.Keys)
        {
            foreach (var b in sets.Keys.Where(b => string.CompareOrdinal(a, b) < 0))
            {
                var namesB = sets[b].Select(x => x.Parameter).ToHashSet();
                var namesA = sets[a].Select(x => x.Parameter).ToHashSet();
                var distinct = sets[a].Any(x => x.Mandatory && !namesB.Contains(x.Parameter))
                    || sets[b].Any(x => x.Mandatory && !namesA.Contains(x.Parameter))
                    || a == defaultSet || b == defaultSet;
                Assert.True(distinct, $"{type.Name}: parameter sets {a} and {b} cannot be told apart");
            }
        }
    }

    [Fact]
    public void ConnectSpApiOffersEveryCredentialSource()
    {
        var sets = Parameters(typeof(ConnectSpApiCommand))
            .SelectMany(p => ParameterAttributes(p).Select(a => a.ParameterSetName))
            .ToHashSet();

        Assert.Superset(new HashSet<string> { ParameterSets.ClientSecret, ParameterSets.Credential, ParameterSets.Profile }, sets);
        Assert.Equal(ParameterSets.Environment, Cmdlet(typeof(ConnectSpApiCommand)).DefaultParameterSetName);
        Assert.Equal(typeof(System.Security.SecureString), typeof(ConnectSpApiCommand).GetProperty("ClientSecret")!.PropertyType);
        Assert.Equal(typeof(System.Security.SecureString), typeof(ConnectSpApiCommand).GetProperty("RefreshToken")!.PropertyType);
        Assert.Equal(typeof(PSCredential), typeof(ConnectSpApiCommand).GetProperty("Credential")!.PropertyType);
    }

    [Fact]
    public void SaveSpApiProfileSupportsWhatIf() =>
        Assert.True(Cmdlet(typeof(SaveSpApiProfileCommand)).SupportsShouldProcess);

    [Fact]
    public void DisconnectTakesTheConnectionFromThePipeline() =>
        Assert.Contains(ParameterAttributes(typeof(DisconnectSpApiCommand).GetProperty("Connection")!), a => a.ValueFromPipeline);

    [Fact]
    public void GetSpCustomerInvoiceOutputBindsToSaveSpCustomerInvoice()
    {
        var output = OutputTypes(typeof(GetSpCustomerInvoiceCommand));
        Assert.Contains(typeof(SpApi.Core.Apis.VendorDirectFulfillmentShipping.CustomerInvoice), output);

        var inputObject = typeof(SaveSpCustomerInvoiceCommand).GetProperty(nameof(SaveSpCustomerInvoiceCommand.InputObject))!;
        Assert.Equal(typeof(SpApi.Core.Apis.VendorDirectFulfillmentShipping.CustomerInvoice), inputObject.PropertyType);
        Assert.Contains(ParameterAttributes(inputObject), a => a.ValueFromPipeline);

        // By property name, each pipeline parameter matches a property of what Get-SpCustomerInvoice outputs.
        foreach (var parameter in Parameters(typeof(SaveSpCustomerInvoiceCommand)).Where(p => ParameterAttributes(p).Any(a => a.ValueFromPipelineByPropertyName)))
        {
            Assert.NotNull(typeof(SpApi.Core.Apis.VendorDirectFulfillmentShipping.CustomerInvoice).GetProperty(parameter.Name));
        }
    }

    [Theory]
    [InlineData(typeof(NewSpInvoiceExportCommand))]
    [InlineData(typeof(GetSpInvoiceExportCommand))]
    public void ExportsFlowIntoReceiveSpInvoiceExportByPropertyName(Type upstream)
    {
        var outputs = OutputTypes(upstream);
        Assert.NotEmpty(outputs);

        var byPropertyName = Parameters(typeof(ReceiveSpInvoiceExportCommand))
            .Where(p => ParameterAttributes(p).Any(a => a.ValueFromPipelineByPropertyName))
            .ToList();
        Assert.Contains(byPropertyName, p => p.Name == "ExportId");
        foreach (var output in outputs)
        {
            foreach (var parameter in byPropertyName)
            {
                Assert.NotNull(output.GetProperty(parameter.Name));
            }
        }
    }

    [Theory]
    [InlineData(typeof(NewSpGovernmentInvoiceCommand), typeof(ReceiveSpGovernmentInvoiceCommand))]
    [InlineData(typeof(GetSpGovernmentInvoiceCommand), typeof(ReceiveSpGovernmentInvoiceCommand))]
    [InlineData(typeof(NewSpGovernmentInvoiceCommand), typeof(GetSpGovernmentInvoiceCommand))]
    public void GovernmentInvoicesFlowFromCmdletToCmdletByPropertyName(Type upstream, Type downstream)
    {
        var outputs = OutputTypes(upstream);
        Assert.NotEmpty(outputs);

        var byPropertyName = Parameters(downstream).Where(p => ParameterAttributes(p).Any(a => a.ValueFromPipelineByPropertyName)).ToList();
        Assert.Equal(new[] { "InboundPlanId", "InvoiceType", "MarketplaceId", "ShipmentId", "TransactionType" }, byPropertyName.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var output in outputs)
        {
            Assert.All(byPropertyName, p => Assert.NotNull(output.GetProperty(p.Name)));
        }
    }

    [Fact]
    public void NewSpGovernmentInvoiceTakesTheCarrierByTheModelsFieldNames()
    {
        var aliases = Parameters(typeof(NewSpGovernmentInvoiceCommand))
            .Where(p => ParameterAttributes(p).Any(a => a.ValueFromPipelineByPropertyName))
            .SelectMany(p => new[] { p.Name }.Concat(Aliases(p)))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var model = typeof(SpApi.Core.Apis.TaxInvoices.CarrierDetailsContext).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), true).Cast<System.Text.Json.Serialization.JsonPropertyNameAttribute>().SingleOrDefault()?.Name)
            .Where(n => n is not null && n != "contextType");
        Assert.All(model, name => Assert.Contains(name!, aliases));
        Assert.True(Cmdlet(typeof(NewSpGovernmentInvoiceCommand)).SupportsShouldProcess);
    }

    [Theory]
    [InlineData(typeof(SubmitSpVendorInvoiceCommand))]
    [InlineData(typeof(GetSpTransactionStatusCommand))]
    public void TransactionsFlowIntoGetSpTransactionStatusByPropertyName(Type upstream)
    {
        var outputs = OutputTypes(upstream);
        Assert.NotEmpty(outputs);

        var byPropertyName = Parameters(typeof(GetSpTransactionStatusCommand))
            .Where(p => ParameterAttributes(p).Any(a => a.ValueFromPipelineByPropertyName))
            .ToList();
        Assert.Equal(new[] { "Api", "InvoiceId", "TransactionId" }, byPropertyName.Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var output in outputs)
        {
            foreach (var parameter in byPropertyName)
            {
                // PowerShell binds by the parameter's name or any of its aliases; the value's type must convert too.
                var names = new[] { parameter.Name }.Concat(Aliases(parameter));
                var property = names.Select(output.GetProperty).FirstOrDefault(p => p is not null);
                Assert.True(property is not null, $"{output.Name} has no property for -{parameter.Name}");
                Assert.True(parameter.PropertyType.IsAssignableFrom(property!.PropertyType) || (parameter.PropertyType == typeof(string[]) && typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType)),
                    $"{output.Name}.{property.Name} ({property.PropertyType.Name}) does not bind to -{parameter.Name} ({parameter.PropertyType.Name})");
            }
        }
    }

    [Fact]
    public void PurchaseOrderNumbersBindFromThePipelineByValueAndByPropertyName()
    {
        var parameter = typeof(GetSpCustomerInvoiceCommand).GetProperty(nameof(GetSpCustomerInvoiceCommand.PurchaseOrderNumber))!;

        Assert.Equal(typeof(string[]), parameter.PropertyType);
        Assert.Contains(ParameterAttributes(parameter), a => a.ValueFromPipeline && a.ValueFromPipelineByPropertyName);
    }

    [Fact]
    public void GetSpCustomerInvoiceSupportsPaging() =>
        Assert.True(Named(Attribute<CmdletAttribute>(typeof(GetSpCustomerInvoiceCommand))!, "SupportsPaging", false));

    [Fact]
    public void CoreNeverReferencesSystemManagementAutomation() =>
        Assert.DoesNotContain(
            typeof(SpApi.Core.Http.SpApiClient).Assembly.GetReferencedAssemblies(),
            a => a.Name == "System.Management.Automation");

    [Fact]
    public void TheFormatAndTypesFilesNameOnlyTypesThatExist()
    {
        var format = XDocument.Load(Path.Combine(Repository.Root, "module", "SpApi.Format.ps1xml"));
        var types = XDocument.Load(Path.Combine(Repository.Root, "module", "SpApi.Types.ps1xml"));
        var typeNames = format.Descendants("TypeName").Concat(types.Root!.Elements("Type").Elements("Name")).Select(e => e.Value).ToList();

        Assert.NotEmpty(typeNames);
        foreach (var name in typeNames)
        {
            Assert.NotNull(typeof(SpApi.Core.Http.SpApiClient).Assembly.GetType(name) ?? Module.GetType(name));
        }
    }

    // The PowerShellStandard stub's attributes do nothing at run time, so their values are read from metadata.
    private const string AllParameterSets = "__AllParameterSets";

    private static CustomAttributeData? Attribute<T>(MemberInfo member) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(T));

    private static T Named<T>(CustomAttributeData attribute, string name, T fallback) =>
        attribute.NamedArguments.Where(a => a.MemberName == name).Select(a => (T)a.TypedValue.Value!).DefaultIfEmpty(fallback).First();

    private static (string VerbName, string NounName, string? DefaultParameterSetName, bool SupportsShouldProcess) Cmdlet(Type type)
    {
        var attribute = Attribute<CmdletAttribute>(type)!;
        return ((string)attribute.ConstructorArguments[0].Value!, (string)attribute.ConstructorArguments[1].Value!,
            Named<string?>(attribute, "DefaultParameterSetName", null), Named(attribute, "SupportsShouldProcess", false));
    }

    private static IEnumerable<(string ParameterSetName, bool Mandatory, bool ValueFromPipeline, bool ValueFromPipelineByPropertyName)> ParameterAttributes(PropertyInfo property) =>
        property.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ParameterAttribute)).Select(a => (
            Named(a, "ParameterSetName", AllParameterSets), Named(a, "Mandatory", false),
            Named(a, "ValueFromPipeline", false), Named(a, "ValueFromPipelineByPropertyName", false)));

    private static List<Type> OutputTypes(Type cmdlet) => cmdlet.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(t => (Type)t.Value!)
            .ToList();

    private static IEnumerable<string> Aliases(PropertyInfo property) =>
        property.GetCustomAttributesData().Where(a => a.AttributeType == typeof(AliasAttribute))
            .SelectMany(a => (IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(v => (string)v.Value!);

    private static string NameOf(Type type)
    {
        var cmdlet = Cmdlet(type);
        return $"{cmdlet.VerbName}-{cmdlet.NounName}";
    }

    private static IEnumerable<PropertyInfo> Parameters(Type type) =>
        type.GetProperties().Where(p => ParameterAttributes(p).Any());

    private static HashSet<string> ApprovedVerbs() =>
        new[] { typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic), typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();

    private static readonly Lazy<XDocument> Docs = new(() => XDocument.Load(Path.ChangeExtension(Module.Location, ".xml")));

    private static string? Summary(string member) =>
        Docs.Value.Descendants("member").FirstOrDefault(m => (string?)m.Attribute("name") == member)?.Element("summary")?.Value;
}
