namespace SpApi.Core.Operations;

/// <summary>
/// Everything the request path needs to know about one SP-API operation. The rate limiter, the RDT
/// provider, the pager, the logs and the sandbox server all read these, and nothing else hard-codes them.
/// </summary>
public sealed class OperationDescriptor
{
    internal OperationDescriptor(
        string name,
        string api,
        string version,
        HttpMethod method,
        string pathTemplate,
        double rate,
        int burst,
        bool restricted = false,
        bool payloadEnvelope = false,
        bool sideEffectFree = false)
    {
        Name = name;
        Api = api;
        Version = version;
        Method = method;
        PathTemplate = pathTemplate;
        Rate = rate;
        Burst = burst;
        Restricted = restricted;
        PayloadEnvelope = payloadEnvelope;
        IsIdempotent = method == HttpMethod.Get || sideEffectFree;
    }

    /// <summary>The model's operationId, for example getCustomerInvoices.</summary>
    public string Name { get; }

    /// <summary>The API the operation belongs to, for example vendorDirectFulfillmentShipping.</summary>
    public string Api { get; }

    /// <summary>The API version, for example v1 or 2021-12-28.</summary>
    public string Version { get; }

    /// <summary>The HTTP method.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path with {placeholders}, exactly as in the model.</summary>
    public string PathTemplate { get; }

    /// <summary>The documented sustained rate, in requests per second.</summary>
    public double Rate { get; }

    /// <summary>The documented burst: the bucket size.</summary>
    public int Burst { get; }

    /// <summary>Whether the operation needs a Restricted Data Token instead of the LWA access token.</summary>
    public bool Restricted { get; }

    /// <summary>Whether responses wrap their result in a "payload" object (the v1 models do).</summary>
    public bool PayloadEnvelope { get; }

    /// <summary>
    /// Whether sending the request twice is harmless, so it may be retried after a server error: every GET,
    /// and POSTs that only create a token.
    /// </summary>
    public bool IsIdempotent { get; }

    /// <summary>A key unique across APIs and versions, used for the rate-limit buckets.</summary>
    public string Key => $"{Api}/{Version}/{Name}";

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Api} {Version}): {Method} {PathTemplate}";
}
