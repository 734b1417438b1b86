package io.lockstep.modelgen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Regenerates the model and edit code from {@code bundles/io.lockstep.model/model/lockstep.genmodel}, outside
 * Eclipse: the bundles are mapped as {@code platform:/resource/<bundle>/}, the genmodel is reconciled with the
 * .ecore (so the .ecore is the source of truth) and saved back, and EMF's generator writes
 * {@code src-gen/} of both bundles, merging into existing files so that members marked {@code @generated NOT}
 * keep their hand-written bodies.
 */
public final class GenerateModel {

    private GenerateModel() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        ResourceSet rs = new ResourceSetImpl();
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
        rs.getPackageRegistry().put(GenModelPackage.eNS_URI, GenModelPackage.eINSTANCE);
        rs.getPackageRegistry().put(EcorePackage.eNS_URI, EcorePackage.eINSTANCE);
        for (String bundle : List.of("io.lockstep.model", "io.lockstep.model.edit")) {
            Path dir = root.resolve("bundles").resolve(bundle);
            Files.createDirectories(dir);
            URI platform = URI.createPlatformResourceURI("/" + bundle + "/", false);
            URI file = URI.createFileURI(dir.toString() + "/");
            rs.getURIConverter().getURIMap().put(platform, file);
            org.eclipse.emf.ecore.plugin.EcorePlugin.getPlatformResourceMap().put(bundle, file);
        }
        Resource r = rs.getResource(URI.createPlatformResourceURI("/io.lockstep.model/model/lockstep.genmodel", false), true);
        GenModel genModel = (GenModel) r.getContents().get(0);
        genModel.reconcile();
        genModel.setCanGenerate(true);
        Diagnostic check = genModel.diagnose();
        if (check.getSeverity() == Diagnostic.ERROR) {
            throw new IllegalStateException("the genmodel is not valid: " + check);
        }
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI, GenModelGeneratorAdapterFactory.DESCRIPTOR);
        Generator generator = new Generator();
        generator.setInput(genModel);
        for (String type : List.of(GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE, GenBaseGeneratorAdapter.EDIT_PROJECT_TYPE)) {
            Diagnostic d = generator.generate(genModel, type, new BasicMonitor.Printing(System.out));
            if (d.getSeverity() == Diagnostic.ERROR) {
                throw new IllegalStateException("generating " + type + " failed: " + d);
            }
            System.out.println("generated " + type + ": " + (d.getSeverity() == Diagnostic.OK ? "ok" : d.getMessage()));
        }
        r.save(null);
        System.out.println("saved the reconciled " + r.getURI());
    }
}
