using System.Management.Automation;
using SpApi.Core.Files;
using SpApi.PowerShell.Infrastructure;
using SpApi.Tests.Support;
using static SpApi.Tests.CustomerInvoices.CustomerInvoiceFilesTests;

namespace SpApi.Tests.Files;

/// <summary>The folder a command writes into: a file is not one, and a denied write names the file it was for.</summary>
public sealed class OutputFolderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("spapi-output-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void APathThatIsAFileIsRefusedAsAFolder()
    {
        var file = Path.Combine(folder, "a-file.txt");
        File.WriteAllText(file, "not a folder");

        var checkError = Assert.Throws<ArgumentException>(() => OutputFolder.Check(file));
        var saveError = Assert.Throws<ArgumentException>(() => CustomerInvoiceFiles.Save(Invoice("PO1"), file, force: false));

        Assert.Equal("Path", checkError.ParamName);
        Assert.Contains($"{file} is a file", checkError.Message);
        Assert.Equal("Path", saveError.ParamName);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public void AMissingFolderIsCreatedWithItsParents()
    {
        var nested = Path.Combine(folder, "a", "b");

        OutputFolder.Create(nested);

        Assert.True(Directory.Exists(nested));
    }

    [UnwritableFolderFact]
    public void ASaveInAFolderTheUserMayNotWriteToIsDeniedNamingThePdf()
    {
        using var denied = UnwritableFolder.Create(folder);
        var error = Assert.Throws<FileAccessDeniedException>(() => CustomerInvoiceFiles.Save(Invoice("PO1"), denied.Path, force: false));

        var target = Path.Combine(denied.Path, "PO1.pdf");
        Assert.Equal(target, error.Target);
        Assert.Contains(target, error.Message);
        Assert.DoesNotContain(".tmp", error.Message);
        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Empty(Directory.GetFiles(denied.Path, "*PO1*"));
    }

    [Fact]
    public void ADeniedWriteIsPermissionDeniedByItsType()
    {
        var error = new FileAccessDeniedException("/somewhere/PO1.pdf", new UnauthorizedAccessException("Access to the path '/somewhere/.PO1.pdf.0123.tmp' is denied."));

        var (errorId, category) = ErrorClassifier.Classify(error, ErrorIds.InvalidSaveParameter);

        Assert.Equal((ErrorIds.FileAccessDenied, ErrorCategory.PermissionDenied), (errorId, category));
        Assert.Equal((ErrorIds.SpApiOperationFailed, ErrorCategory.InvalidOperation), ErrorClassifier.Classify(new IOException("Access denied"), ErrorIds.InvalidSaveParameter));
    }
}
