using System.Net;
using System.Net.Sockets;

namespace SpApi.Core.Http;

/// <summary>Classifies transport exceptions for the retry policy.</summary>
internal static class TransportFailure
{
    /// <summary>
    /// True when the failure proves the request never reached the server (no connection was made), so
    /// even a submission may be sent again.
    /// </summary>
    public static bool ProvablyNotSent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException socket when socket.SocketErrorCode is SocketError.ConnectionRefused
                    or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable
                    or SocketError.TryAgain:
                    return true;
                case WebException web when web.Status is WebExceptionStatus.ConnectFailure or WebExceptionStatus.NameResolutionFailure:
                    return true;
#if NET8_0_OR_GREATER
                case HttpRequestException http when http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError:
                    return true;
#endif
            }
        }

        return false;
    }

    /// <summary>True for failures of the connection or the exchange itself (reset, refused, ended early).</summary>
    public static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException or WebException;
}
