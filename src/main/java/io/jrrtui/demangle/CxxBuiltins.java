package io.jrrtui.demangle;

/** Names of the Itanium builtin types. */
final class CxxBuiltins {
    private CxxBuiltins() {
    }

    /** The builtin type mangled as the single letter {@code c}, or null. */
    static String single(char c) {
        return switch (c) {
            case 'v' -> "void";
            case 'w' -> "wchar_t";
            case 'b' -> "bool";
            case 'c' -> "char";
            case 'a' -> "signed char";
            case 'h' -> "unsigned char";
            case 's' -> "short";
            case 't' -> "unsigned short";
            case 'i' -> "int";
            case 'j' -> "unsigned int";
            case 'l' -> "long";
            case 'm' -> "unsigned long";
            case 'x' -> "long long";
            case 'y' -> "unsigned long long";
            case 'n' -> "__int128";
            case 'o' -> "unsigned __int128";
            case 'f' -> "float";
            case 'd' -> "double";
            case 'e' -> "long double";
            case 'g' -> "__float128";
            case 'z' -> "...";
            default -> null;
        };
    }

    /** The builtin type mangled as {@code D} followed by {@code c}, or null. */
    static String afterD(char c) {
        return switch (c) {
            case 'd' -> "decimal64";
            case 'e' -> "decimal128";
            case 'f' -> "decimal32";
            case 'h' -> "half";
            case 'i' -> "char32_t";
            case 's' -> "char16_t";
            case 'u' -> "char8_t";
            case 'a' -> "auto";
            case 'c' -> "decltype(auto)";
            case 'n' -> "decltype(nullptr)";
            default -> null;
        };
    }

    /** The suffix c++filt gives an integer literal of builtin type {@code c}, or null to print a cast. */
    static String literalSuffix(char c) {
        return switch (c) {
            case 'i' -> "";
            case 'j' -> "u";
            case 'l' -> "l";
            case 'm' -> "ul";
            case 'x' -> "ll";
            case 'y' -> "ull";
            default -> null;
        };
    }
}
