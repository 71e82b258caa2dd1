using System.Net;
using System.Net.Sockets;

namespace SpApi.Core.Http;

/// <summary>Classifies transport exceptions for the retry policy, by exception type and error code, never by message.</summary>
internal static class TransportFailure
{
    /// <summary>
    /// True when the failure proves the request never reached the server (no connection was made), so
    /// even a submission may be sent again: a lasting failure (<see cref="Lasting"/>), or an unreachable host
    /// or network, which may pass.
    /// </summary>
    public static bool ProvablyNotSent(Exception exception)
    {
        if (Lasting(exception) is not null)
        {
            return true;
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.HostUnreachable or SocketError.NetworkUnreachable }:
                    return true;
                case WebException { Status: WebExceptionStatus.ConnectFailure }:
                    return true;
#if NET8_0_OR_GREATER
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }:
                    return true;
#endif
            }
        }

        return false;
    }

    /// <summary>
    /// Why no server will answer at this address within the seconds a retry waits, or null when a retry may help:
    /// the connection was refused (nothing listens on the port), or the host name did not resolve. By the time a
    /// name fails, the resolver has already asked again itself (a temporary failure too), so retrying only
    /// repeats the wait. An unreachable network, a reset or a timeout may pass, and stay retried.
    /// </summary>
    public static LastingFailure? Lasting(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // The socket's own code is the most precise answer wherever it is in the chain.
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return LastingFailure.ConnectionRefused;
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return LastingFailure.NameNotResolved;
                case SocketException:
                    return null;
                case WebException { Status: WebExceptionStatus.NameResolutionFailure }:
                    return LastingFailure.NameNotResolved;
            }
        }

#if NET8_0_OR_GREATER
        // A name that did not resolve, reported without a socket error underneath.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError })
            {
                return LastingFailure.NameNotResolved;
            }
        }
#endif
        return null;
    }

    /// <summary>True for failures of the connection or the exchange itself (reset, refused, ended early).</summary>
    public static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException or WebException;
}

/// <summary>A transport failure that retrying within seconds would not mend.</summary>
internal enum LastingFailure
{
    /// <summary>The host answered that nothing listens on the port.</summary>
    ConnectionRefused,

    /// <summary>The host name did not resolve to an address.</summary>
    NameNotResolved,
}
