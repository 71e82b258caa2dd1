using System.Management.Automation;
using System.Management.Automation.Host;
using SpApi.PowerShell.Infrastructure;

namespace SpApi.Tests.PowerShell;

/// <summary>
/// PowerShell's own failures (host, pipeline, engine) are told apart by type and never get a validation
/// ErrorId, even where they are an InvalidOperationException or ArgumentException, or wrap or are wrapped by one.
/// </summary>
public sealed class PowerShellFailureTests
{
    private const string Validation = ErrorIds.InvalidPurchaseOrderNumber;
    private const string NonInteractive = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.";

    public static TheoryData<Exception> PowerShellFailures() => new()
    {
        new PSInvalidOperationException(NonInteractive),
        new HostException(NonInteractive),
        new HostException("prompt failed", new ArgumentException("inner", "PurchaseOrderNumber")),
        new ArgumentException("thrown while validating", "PurchaseOrderNumber", new HostException(NonInteractive)),
        new InvalidOperationException("thrown while validating", new PSInvalidOperationException(NonInteractive)),
        new PSArgumentException("engine"),
        new PipelineStoppedException(),
    };

    [Theory]
    [MemberData(nameof(PowerShellFailures))]
    public void IsRecognisedByItsType(Exception failure) => Assert.True(PowerShellFailure.Is(failure));

    [Theory]
    [MemberData(nameof(PowerShellFailures))]
    public void HasItsOwnIdAndCategory(Exception failure) =>
        Assert.Equal((ErrorIds.SpApiHostFailure, ErrorCategory.ResourceUnavailable), ErrorClassifier.Classify(failure, Validation));

    [Fact]
    public void TheCmdletsOwnChecksStillGetTheValidationId()
    {
        Assert.False(PowerShellFailure.Is(new ArgumentException("bad", "PurchaseOrderNumber")));
        Assert.Equal((Validation, ErrorCategory.InvalidArgument), ErrorClassifier.Classify(new ArgumentException("bad", "PurchaseOrderNumber"), Validation));
        Assert.Equal((Validation, ErrorCategory.InvalidOperation), ErrorClassifier.Classify(new InvalidOperationException("state"), Validation));
    }

    [Fact]
    public void OnlyAHostThatCannotShowALineIsUnavailable()
    {
        Assert.True(PowerShellFailure.IsHostUnavailable(new PSInvalidOperationException(NonInteractive)));
        Assert.True(PowerShellFailure.IsHostUnavailable(new HostException(NonInteractive)));
        // Stopping is the user's (or the pipeline's) decision and must stop the call.
        Assert.False(PowerShellFailure.IsHostUnavailable(new PipelineStoppedException()));
    }
}
