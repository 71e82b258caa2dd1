using System.Management.Automation;
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
                return SpApiSession.Resolve(SessionState, Connection).Client;
            }
            catch (SpApiNotConnectedException ex)
            {
                Terminate(ex, ErrorIds.SpApiNotConnected);
                throw;
            }
        }
    }
}
