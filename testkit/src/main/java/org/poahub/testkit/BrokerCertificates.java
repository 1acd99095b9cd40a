package org.poahub.testkit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The broker's TLS material in PEM files (Kafka reads PEM directly, so there are no keystore passwords): a CA
 * ({@code ca.crt}, the certificate handed to regional offices; {@code ca.key} stays here) and the broker's key and
 * certificate signed by it ({@code broker.pem}), valid for 127.0.0.1, localhost and the given host names.
 * Generated with BouncyCastle's certificate builders (X.509 encoding is not something to write by hand); an existing
 * set is reused, so the local stack keeps one CA across restarts.
 */
public final class BrokerCertificates {

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path caCertificate;
    private final Path brokerKeyAndCertificate;

    private BrokerCertificates(Path caCertificate, Path brokerKeyAndCertificate) {
        this.caCertificate = caCertificate;
        this.brokerKeyAndCertificate = brokerKeyAndCertificate;
    }

    /** The set in {@code dir}, generated there first if it is missing. */
    public static BrokerCertificates createOrLoad(Path dir, List<String> extraHostNames) {
        Path ca = dir.resolve("ca.crt");
        Path broker = dir.resolve("broker.pem");
        if (Files.isRegularFile(ca) && Files.isRegularFile(broker)) {
            return new BrokerCertificates(ca, broker);
        }
        try {
            Files.createDirectories(dir);
            KeyPair caKeys = keyPair();
            X500Name caName = new X500Name("CN=poa-hub local CA,O=poa-hub");
            X509CertificateHolder caCert = sign(caName, caKeys, caName, caKeys.getPublic(), true, List.of());
            KeyPair brokerKeys = keyPair();
            Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost"));
            names.addAll(extraHostNames);
            X509CertificateHolder brokerCert = sign(caName, caKeys, new X500Name("CN=poa-hub kafka broker,O=poa-hub"),
                    brokerKeys.getPublic(), false, List.copyOf(names));
            writePrivate(dir.resolve("ca.key"), pem(caKeys, null));
            Files.writeString(ca, pem(null, caCert));
            writePrivate(broker, pem(brokerKeys, brokerCert) + pem(null, caCert));
            return new BrokerCertificates(ca, broker);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the broker certificates in " + dir, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the broker certificates: " + e.getMessage(), e);
        }
    }

    /** The CA certificate (PEM file) clients trust. */
    public Path caCertificate() {
        return caCertificate;
    }

    /** The CA certificate as PEM text, e.g. for {@code ssl.truststore.certificates}. */
    public String caCertificatePem() {
        try {
            return Files.readString(caCertificate, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The broker's unencrypted PKCS#8 key followed by its certificate chain, for {@code ssl.keystore.type=PEM}. */
    public Path brokerKeyAndCertificate() {
        return brokerKeyAndCertificate;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509CertificateHolder sign(X500Name issuer, KeyPair issuerKeys, X500Name subject,
            java.security.PublicKey subjectKey, boolean ca, List<String> names)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).abs(),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject, subjectKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ca) {
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } else {
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(issuerKeys.getPublic()));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            List<GeneralName> alternatives = new ArrayList<>();
            for (String name : names) {
                alternatives.add(isAddress(name) ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name));
            }
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        }
        X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                .build(issuerKeys.getPrivate()));
        new JcaX509CertificateConverter().getCertificate(holder).verify(issuerKeys.getPublic());
        return holder;
    }

    private static boolean isAddress(String name) {
        return name.matches("[0-9.]+") || name.contains(":");
    }

    private static String pem(KeyPair keys, X509CertificateHolder certificate) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (keys != null) {
                writer.writeObject(new JcaPKCS8Generator(keys.getPrivate(), null));
            }
            if (certificate != null) {
                writer.writeObject(certificate);
            }
        }
        return out.toString();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file);
        TempDirs.ownerOnly(file);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
