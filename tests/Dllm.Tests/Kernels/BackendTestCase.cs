using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Dllm.Tests.Kernels;

/// <summary>A fact whose skip reason comes from the test class's <see cref="BackendRequirementAttribute"/>, decided on this machine.</summary>
public sealed class BackendTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public BackendTestCase()
    {
    }

    public BackendTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.ToRuntimeType().GetCustomAttribute<BackendRequirementAttribute>()?.SkipReason
        ?? base.GetSkipReason(factAttribute);
}
