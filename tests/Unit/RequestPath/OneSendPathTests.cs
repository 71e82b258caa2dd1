using System.Reflection;
using System.Reflection.Emit;
using SpApi.Core.Http;

namespace SpApi.Tests.RequestPath;

/// <summary>
/// Nothing but the one send path creates or sends a request: the IL of every method in SpApi.Core (async
/// state machines and lambdas included) is read, and each call or construction that makes or sends an HTTP
/// request, or opens a socket, must sit in SendPath or SendPathHandler. Reading the compiled code rather
/// than the source means no spelling (a using alias, an extension method, a variable name) can slip past.
/// </summary>
public sealed class OneSendPathTests
{
    private static readonly string[] SendPathTypes = { typeof(SpApiClient).Namespace + ".SendPath", typeof(SpApiClient).Namespace + ".SendPathHandler" };

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void OnlyTheSendPathCreatesOrSendsRequests()
    {
        var uses = RequestMakingCalls().ToList();

        var outside = uses.Where(u => !SendPathTypes.Contains(u.Owner)).Select(u => $"{u.Owner}.{u.Method} calls {u.Callee}").Distinct().ToList();
        Assert.True(outside.Count == 0, "Requests made outside the send path:\n" + string.Join("\n", outside));

        // The scan sees the send path's own requests, so an empty result above is not a blind scan.
        Assert.Contains(uses, u => u.Callee == "System.Net.Http.HttpRequestMessage..ctor");
        Assert.Contains(uses, u => u.Callee == "System.Net.Http.HttpClient.SendAsync");
        Assert.Contains(uses, u => u.Callee.StartsWith("RestSharp.", StringComparison.Ordinal) && u.Callee.EndsWith(".ExecuteAsync", StringComparison.Ordinal));
        Assert.Contains(uses, u => u.Callee == "System.Net.Http.DelegatingHandler.SendAsync");
    }

    private static bool MakesRequests(MethodBase callee)
    {
        var type = callee.DeclaringType;
        var ns = type?.Namespace ?? string.Empty;
        return type is not null && (
            ns.StartsWith("RestSharp", StringComparison.Ordinal) && !type.Name.StartsWith("RestClientOptions", StringComparison.Ordinal) && type.Name != "Interceptor"
            || type == typeof(HttpClient) || type == typeof(HttpMessageInvoker)
            || (typeof(HttpMessageHandler).IsAssignableFrom(type) && (callee.IsConstructor || callee.Name.StartsWith("Send", StringComparison.Ordinal)))
            || (type == typeof(HttpRequestMessage) && callee.IsConstructor)
            || (ns.StartsWith("System.Net.Sockets", StringComparison.Ordinal) && !typeof(Exception).IsAssignableFrom(type))
            || typeof(System.Net.WebRequest).IsAssignableFrom(type)
#pragma warning disable SYSLIB0014 // WebClient is obsolete: which is why no one may use it.
            || type == typeof(System.Net.WebClient));
#pragma warning restore SYSLIB0014
    }

    private static IEnumerable<(string Owner, string Method, string Callee)> RequestMakingCalls()
    {
        var assembly = typeof(SpApiClient).Assembly;
        foreach (var type in assembly.GetTypes())
        {
            var owner = type;
            while (owner.DeclaringType is not null)
            {
                owner = owner.DeclaringType;
            }

            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var callee in Callees(method))
                {
                    if (MakesRequests(callee))
                    {
                        yield return (owner.FullName!, method.Name, $"{callee.DeclaringType!.FullName}.{callee.Name}");
                    }
                }
            }
        }
    }

    // Walks the IL and resolves the target of every call, callvirt, newobj, ldftn and ldvirtftn.
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var opCode = OpCodesByValue[value];
            at += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                var token = BitConverter.ToInt32(il, at);
                MethodBase? callee;
                try
                {
                    callee = method.Module.ResolveMethod(
                        token,
                        method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null,
                        method.IsGenericMethod ? method.GetGenericArguments() : null);
                }
                catch (ArgumentException)
                {
                    callee = null;
                }

                if (callee is not null)
                {
                    yield return callee;
                }
            }

            at += OperandSize(opCode, il, at);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int at) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
