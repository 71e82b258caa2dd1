using System.Management.Automation;
using SpApi.Core.Apis.VendorDirectFulfillmentShipping;
using SpApi.Core.Connection;
using SpApi.Core.Http;

namespace SpApi.PowerShell.Infrastructure;

/// <summary>A cmdlet that calls SP-API: it takes -Connection, defaulting to the session's.</summary>
public abstract class ConnectedCmdlet : SpApiCmdlet
{
    /// <summary>The connection to use; the one Connect-SpApi made the default when not given.</summary>
    [Parameter]
    [ValidateNotNull]
    public SpApiConnection? Connection { get; set; }

    /// <summary>The request path of the connection in use; stops the command when there is none.</summary>
    private protected SpApiClient Client
    {
        get
        {
            try
            {
                return SpApiSession.Resolve(Connection).Client;
            }
            catch (InvalidOperationException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "SpApiNotConnected", ErrorCategory.ConnectionError, null));
                throw;
            }
        }
    }
}

/// <summary>The customer-invoice API versions as PowerShell users write them.</summary>
internal static class CustomerInvoiceVersions
{
    public const string Current = "2021-12-28";
    public const string Legacy = "v1";

    public static CustomerInvoiceApiVersion Parse(string version) =>
        string.Equals(version, Legacy, StringComparison.OrdinalIgnoreCase) ? CustomerInvoiceApiVersion.V1 : CustomerInvoiceApiVersion.V2021_12_28;
}
