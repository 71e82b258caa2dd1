#if !NET5_0_OR_GREATER
namespace System.Runtime.CompilerServices;

// Lets the net472 build use init-only properties; .NET 5+ has this type built in.
internal static class IsExternalInit
{
}
#endif
