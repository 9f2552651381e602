using System.Reflection;
using System.Reflection.Emit;

namespace RenfieldSip.Tests.Config;

/// <summary>
/// The monitor's folders and which of them use which, read from the compiled assembly: a folder is a namespace below
/// RenfieldSip.Monitor, and it uses another when any of its types (nested and compiler-generated ones included) names a
/// type of the other in a signature, a base type, an attribute or a method body. A child namespace sees its parent's
/// types without a using, so child → parent counts like any other edge.
/// </summary>
internal sealed class FolderGraph
{
    private const string RootNamespace = "RenfieldSip.Monitor";
    private const string RootFolder = "(root)";

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private readonly SortedDictionary<string, SortedSet<string>> edges = new(StringComparer.Ordinal);

    private FolderGraph()
    {
    }

    public IReadOnlyDictionary<string, SortedSet<string>> Edges => edges;

    public static FolderGraph Of(Assembly assembly)
    {
        var graph = new FolderGraph();
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }

            var uses = graph.UsesOf(from);
            foreach (var used in ReferencedTypes(type))
            {
                if (used.Assembly == assembly && FolderOf(used) is { } to && to != from)
                {
                    uses.Add(to);
                }
            }
        }

        return graph;
    }

    public static FolderGraph Of(params (string From, string To)[] uses)
    {
        var graph = new FolderGraph();
        foreach (var (from, to) in uses)
        {
            graph.UsesOf(from).Add(to);
        }

        return graph;
    }

    /// <summary>The same graph with every folder cut to its top-level folder.</summary>
    public FolderGraph TopLevel()
    {
        var graph = new FolderGraph();
        foreach (var (from, targets) in edges)
        {
            var uses = graph.UsesOf(Top(from));
            foreach (var to in targets.Select(Top).Where(to => to != Top(from)))
            {
                uses.Add(to);
            }
        }

        return graph;
    }

    /// <summary>Groups of two or more folders that reach each other (strongly connected components).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges.TryGetValue(node, out var targets) ? targets : [])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    component.Sort(StringComparer.Ordinal);
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in edges.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    public override string ToString() =>
        string.Join(Environment.NewLine, edges.Select(pair => $"{pair.Key} -> {string.Join(", ", pair.Value)}"));

    private SortedSet<string> UsesOf(string folder)
    {
        if (!edges.TryGetValue(folder, out var uses))
        {
            uses = new SortedSet<string>(StringComparer.Ordinal);
            edges[folder] = uses;
        }

        return uses;
    }

    private static string Top(string folder) => folder.Split('/')[0];

    private static string? FolderOf(Type type)
    {
        var ns = type.Namespace;
        if (ns == RootNamespace)
        {
            return RootFolder;
        }

        return ns is not null && ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
            ? ns[(RootNamespace.Length + 1)..].Replace('.', '/')
            : null;
    }

    private static IEnumerable<Type> ReferencedTypes(Type type)
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var named = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            named.Add(baseType);
        }

        named.AddRange(type.GetInterfaces());
        named.AddRange(AttributeTypes(type.CustomAttributes));
        foreach (var field in type.GetFields(declared))
        {
            named.Add(field.FieldType);
            named.AddRange(AttributeTypes(field.CustomAttributes));
        }

        foreach (var property in type.GetProperties(declared))
        {
            named.Add(property.PropertyType);
            named.AddRange(AttributeTypes(property.CustomAttributes));
        }

        foreach (var method in type.GetMethods(declared).Cast<MethodBase>().Concat(type.GetConstructors(declared)))
        {
            if (method is MethodInfo info)
            {
                named.Add(info.ReturnType);
            }

            named.AddRange(AttributeTypes(method.CustomAttributes));
            foreach (var parameter in method.GetParameters())
            {
                named.Add(parameter.ParameterType);
                named.AddRange(AttributeTypes(parameter.CustomAttributes));
            }

            named.AddRange(TypesInBody(method));
        }

        return named.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> AttributeTypes(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var attribute in attributes)
        {
            yield return attribute.AttributeType;
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(named => named.TypedValue)))
            {
                if (argument.Value is Type argumentType)
                {
                    yield return argumentType;
                }
            }
        }
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()!))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsGenericParameter)
        {
            yield break;
        }

        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return argument;
            }
        }
    }

    private static List<Type> TypesInBody(MethodBase method)
    {
        var found = new List<Type>();
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            return found;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            var operandStart = position;
            position += OperandSize(code.OperandType, il, position);
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var token = BitConverter.ToInt32(il, operandStart);
                found.AddRange(Resolve(method.Module, token, typeArguments, methodArguments));
            }
        }

        return found;
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            yield break;
        }

        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase called:
                if (called.DeclaringType is { } owner)
                {
                    yield return owner;
                }

                if (called is MethodInfo { IsGenericMethod: true } generic)
                {
                    foreach (var argument in generic.GetGenericArguments())
                    {
                        yield return argument;
                    }
                }

                break;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}
